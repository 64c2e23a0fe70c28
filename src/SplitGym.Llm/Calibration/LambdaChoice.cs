using SplitGym.Llm.Cost;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// Chooses the default λ of the reward from measurements, so that the optimal split actually moves
/// with the channel: a λ so large that p* is always the shallowest split, or so small that p* is a deep
/// split as soon as the noise is measurable (and otherwise follows Monte-Carlo noise), makes a trivial
/// environment. A candidate qualifies when p* moves across at least half the split axis along the
/// intensity axis (averaged over shapes); among qualifying candidates the one whose intensity axis is
/// most evenly divided between shallow p* (first half of the split axis) and deep p* wins, so the
/// switch happens in the middle of the measured channel range; ties go to the smaller λ. When no
/// candidate qualifies, the widest movement wins.
/// </summary>
public static class LambdaChoice
{
    /// <summary>A candidate λ and how p* behaves with it.</summary>
    /// <param name="Lambda">The trade-off weight.</param>
    /// <param name="ShallowFraction">Fraction of the intensity axis where p* lies in the first half of the split axis, averaged over shapes.</param>
    /// <param name="SplitRange">Max p* − min p* along the intensity axis, averaged over shapes (layers).</param>
    public sealed record Candidate(double Lambda, double ShallowFraction, double SplitRange);

    /// <summary>The default candidates: 41 values geometric from 0.01 to 100.</summary>
    public static IReadOnlyList<double> DefaultCandidates { get; } =
        [.. Enumerable.Range(0, 41).Select(k => Math.Round(0.01 * Math.Pow(10, k / 10.0), 6))];

    /// <summary>Scores every candidate λ on the table, with the perplexity degradation PPL/PPL_clean − 1 capped at <paramref name="maxDegradation"/>.</summary>
    public static IReadOnlyList<Candidate> Score(PerplexityTable table, ComputeLoad load, IReadOnlyList<double> candidates, double maxDegradation = double.PositiveInfinity) =>
        [.. candidates.Select(lambda => Score(new SplitRewardAnalysis(table, load, lambda, maxDegradation), table))];

    /// <summary>The chosen candidate (see the class description).</summary>
    public static Candidate Choose(PerplexityTable table, ComputeLoad load, IReadOnlyList<double> candidates, double maxDegradation = double.PositiveInfinity)
    {
        var scores = Score(table, load, candidates, maxDegradation);
        double halfSpan = (table.Splits[^1] - table.Splits[0]) / 2.0;
        var qualifying = scores.Where(c => c.SplitRange >= halfSpan).ToList();
        return qualifying.Count > 0
            ? qualifying.OrderBy(c => Math.Abs(c.ShallowFraction - 0.5)).ThenBy(c => c.Lambda).First()
            : scores.OrderByDescending(c => c.SplitRange).ThenBy(c => c.Lambda).First();
    }

    private static Candidate Score(SplitRewardAnalysis analysis, PerplexityTable table)
    {
        var map = analysis.OptimalSplits();
        double middle = (table.Splits[0] + table.Splits[^1]) / 2.0;
        var columns = Enumerable.Range(0, table.Shapes.Count)
            .Select(k => Enumerable.Range(0, table.Intensities.Count).Select(i => map[i, k]).ToList())
            .ToList();
        return new Candidate(
            analysis.Lambda,
            columns.Average(c => c.Count(p => p < middle) / (double)c.Count),
            columns.Average(c => c.Max() - c.Min()));
    }
}
