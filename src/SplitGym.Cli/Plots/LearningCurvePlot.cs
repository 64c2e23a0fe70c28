using System.Globalization;
using ScottPlot;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Plots;

/// <summary>
/// Learning curves of a comparison: the mean episode return during training (<c>rollout/ep_rew_mean</c>
/// from each run's <c>progress.csv</c>) against environment steps, the mean over seeds with a ±1 std
/// band per learner, and the evaluation returns of the baselines as horizontal reference lines.
/// </summary>
public static class LearningCurvePlot
{
    private const string StepColumn = "time/total_timesteps";
    private const string ReturnColumn = "rollout/ep_rew_mean";
    private const int GridPoints = 60;

    /// <summary>Writes the PNG to <paramref name="path"/>; runs without a log folder are drawn as baselines.</summary>
    public static void Save(string envId, IReadOnlyList<RunResult> results, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var agent in results.GroupBy(r => r.Agent))
        {
            var color = palette.GetColor(colour++);
            var curves = agent.Where(r => r.RunFolder is not null).Select(r => ReadCurve(Path.Combine(r.RunFolder!, "progress.csv"))).Where(c => c.Steps.Length > 1).ToList();
            if (curves.Count > 0) AddBand(plot, agent.Key, curves, color);
            else AddReference(plot, agent.Key, agent.Average(r => r.MeanReturn), color);
        }
        plot.XLabel("environment steps");
        plot.YLabel("mean episode return (training episodes; baselines: evaluation)");
        plot.Title($"{envId}: learning curves, mean ± std over seeds");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1000, 600);
    }

    private static void AddBand(Plot plot, string name, IReadOnlyList<(double[] Steps, double[] Returns)> curves, Color color)
    {
        double start = curves.Max(c => c.Steps[0]), end = curves.Min(c => c.Steps[^1]);
        double[] grid = [.. Enumerable.Range(0, GridPoints).Select(i => start + (end - start) * i / (GridPoints - 1))];
        var mean = new double[GridPoints];
        var std = new double[GridPoints];
        for (int i = 0; i < GridPoints; i++)
        {
            var values = curves.Select(c => Interpolate(c.Steps, c.Returns, grid[i])).ToList();
            (mean[i], std[i]) = ComparisonSummary.MeanAndStd(values);
        }
        var band = plot.Add.FillY(grid, [.. mean.Select((m, i) => m - std[i])], [.. mean.Select((m, i) => m + std[i])]);
        band.FillColor = color.WithAlpha(0.2);
        band.LineWidth = 0;
        var line = plot.Add.Scatter(grid, mean);
        line.Color = color;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.LegendText = $"{name} ({curves.Count} seeds)";
    }

    private static void AddReference(Plot plot, string name, double meanReturn, Color color)
    {
        var line = plot.Add.HorizontalLine(meanReturn);
        line.Color = color;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = $"{name} (evaluation)";
    }

    /// <summary>Reads the step and return columns of an SB3-style progress CSV, skipping rows without a return.</summary>
    public static (double[] Steps, double[] Returns) ReadCurve(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath);
        if (lines.Length == 0) return ([], []);
        var header = lines[0].Split(',');
        int step = Array.IndexOf(header, StepColumn), value = Array.IndexOf(header, ReturnColumn);
        if (step < 0 || value < 0)
            throw new InvalidDataException($"'{csvPath}' lacks the columns {StepColumn} and {ReturnColumn}; columns are: {lines[0]}.");
        var steps = new List<double>();
        var returns = new List<double>();
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            if (row.Length <= Math.Max(step, value)) continue;
            if (double.TryParse(row[step], NumberStyles.Float, CultureInfo.InvariantCulture, out double s)
                && double.TryParse(row[value], NumberStyles.Float, CultureInfo.InvariantCulture, out double r))
            {
                steps.Add(s);
                returns.Add(r);
            }
        }
        return ([.. steps], [.. returns]);
    }

    /// <summary>Piecewise-linear interpolation of (xs, ys) at <paramref name="at"/>, clamped to the ends.</summary>
    public static double Interpolate(double[] xs, double[] ys, double at)
    {
        if (at <= xs[0]) return ys[0];
        for (int i = 1; i < xs.Length; i++)
        {
            if (at <= xs[i]) return ys[i - 1] + (ys[i] - ys[i - 1]) * (at - xs[i - 1]) / (xs[i] - xs[i - 1]);
        }
        return ys[^1];
    }
}
