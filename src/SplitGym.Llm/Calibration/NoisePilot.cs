using System.Globalization;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// Chooses a sweep's intensity grid from a pilot so that the grid spans from "negligible everywhere"
/// to "severe everywhere": the lower end is the largest candidate at which no probed split degrades
/// by more than <see cref="NegligibleRatio"/>, the upper end the smallest candidate at which even the
/// most robust probed split degrades by at least <see cref="SevereRatio"/>. Between them the grid is
/// geometric, because perplexity responds to the noise on a logarithmic scale; 0 is prepended so the
/// table also holds the noiseless channel.
/// </summary>
public static class NoisePilot
{
    /// <summary>Degradation <c>PPL / PPL_clean</c> counted as negligible (1 % worse).</summary>
    public const double NegligibleRatio = 1.01;

    /// <summary>Degradation counted as severe (four times the clean perplexity).</summary>
    public const double SevereRatio = 4.0;

    /// <summary>Measures one draw per (split, candidate) at fading shape <paramref name="shape"/>.</summary>
    public static PilotResult Measure(ICellEvaluator evaluator, IReadOnlyList<int> splits, IReadOnlyList<double> candidates, double shape, ulong seed)
    {
        Require.StrictlyIncreasing(candidates, "pilot intensities");
        double clean = evaluator.CleanPerplexity();
        var ratios = new double[splits.Count, candidates.Count];
        for (int s = 0; s < splits.Count; s++)
        {
            using var session = evaluator.OpenSplit(splits[s]);
            for (int i = 0; i < candidates.Count; i++)
                ratios[s, i] = session.Perplexity(candidates[i], shape, CellSeed.Derive(seed, splits[s], candidates[i], shape), 0) / clean;
        }
        return new PilotResult(splits, candidates, shape, clean, ratios);
    }

    /// <summary>The intensity grid: 0, then <paramref name="points"/> values geometric between the negligible and severe ends, rounded to 3 significant digits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 points requested.</exception>
    public static IReadOnlyList<double> ChooseGrid(PilotResult pilot, int points)
    {
        if (points < 2)
            throw new ArgumentOutOfRangeException(nameof(points), points, "The geometric part of the grid needs at least 2 points.");
        var (low, high) = Ends(pilot);
        var grid = Enumerable.Range(0, points)
            .Select(k => RoundSignificant(low * Math.Pow(high / low, k / (points - 1.0))))
            .Where(x => x > 0)
            .Distinct();
        return [0.0, .. grid];
    }

    /// <summary>The negligible and severe ends chosen from the pilot (the extreme candidates when the pilot never reaches a threshold).</summary>
    public static (double Low, double High) Ends(PilotResult pilot)
    {
        var positive = Enumerable.Range(0, pilot.Intensities.Count).Where(i => pilot.Intensities[i] > 0).ToList();
        if (positive.Count < 2)
            throw new ArgumentException("The pilot needs at least two positive candidate intensities.", nameof(pilot));
        int lowIndex = positive.LastOrDefault(i => pilot.WorstRatio(i) <= NegligibleRatio, positive[0]);
        int highIndex = positive.FirstOrDefault(i => i > lowIndex && pilot.BestRatio(i) >= SevereRatio, positive[^1]);
        return (pilot.Intensities[lowIndex], pilot.Intensities[highIndex]);
    }

    private static double RoundSignificant(double value) =>
        double.Parse(value.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
