using System.Globalization;

namespace SplitGym.Analysis;

/// <summary>
/// Reads a training curve from a Stable-Baselines3-style <c>progress.csv</c> (what the agents' CSV
/// logger writes into each run folder): one column per metric, one row per log dump, empty cells where a
/// metric was not logged in that dump.
/// </summary>
public static class ProgressCsv
{
    /// <summary>The column of environment steps.</summary>
    public const string StepColumn = "time/total_timesteps";

    /// <summary>The column of the mean training-episode return.</summary>
    public const string ReturnColumn = "rollout/ep_rew_mean";

    /// <summary>
    /// Reads <paramref name="valueColumn"/> against <see cref="StepColumn"/>, skipping rows where either
    /// cell is empty or the value is NaN or infinite (a metric with nothing to average yet); returns null when no row has both (a run stopped before its first episode ended).
    /// Fails clearly when the file is empty or lacks a column, or a non-empty cell is not a number.
    /// </summary>
    public static TrainingCurve? Read(string csvPath, string valueColumn = ReturnColumn)
    {
        var lines = File.ReadAllLines(csvPath);
        if (lines.Length == 0) throw new InvalidDataException($"'{csvPath}' is empty; expected a header row with {StepColumn} and {valueColumn}.");
        var header = lines[0].Split(',');
        int step = Array.IndexOf(header, StepColumn), value = Array.IndexOf(header, valueColumn);
        if (step < 0 || value < 0)
            throw new InvalidDataException($"'{csvPath}' lacks the columns {StepColumn} and {valueColumn}; columns are: {lines[0]}.");
        var steps = new List<double>();
        var values = new List<double>();
        for (int row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            if (cells.Length <= Math.Max(step, value) || cells[step].Length == 0 || cells[value].Length == 0) continue;
            double number = Number(cells[value], csvPath, row, valueColumn);
            if (!double.IsFinite(number)) continue;
            steps.Add(Number(cells[step], csvPath, row, StepColumn));
            values.Add(number);
        }
        return steps.Count == 0 ? null : new TrainingCurve(steps, values);
    }

    private static double Number(string cell, string csvPath, int row, string column) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? number
            : throw new InvalidDataException($"'{csvPath}' line {row + 1}, column {column}: '{cell}' is not a number.");
}
