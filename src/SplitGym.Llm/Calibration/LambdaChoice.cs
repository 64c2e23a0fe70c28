using SplitGym.Llm.Cost;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// Chooses the default λ of the reward from measurements, so that the optimal split actually moves
/// with the channel (a λ so large that p* is always the smallest split, or so small that it is always
/// the most robust split, makes a trivial environment). Score of a λ: the number of distinct p*
/// values along the intensity axis, averaged over shapes; ties go to the wider mean range of p*, then
/// to the smaller λ.
/// </summary>
public static class LambdaChoice
{
    /// <summary>A candidate λ and how much p* moves with it.</summary>
    /// <param name="Lambda">The trade-off weight.</param>
    /// <param name="DistinctSplits">Distinct p* values along the intensity axis, averaged over shapes.</param>
    /// <param name="SplitRange">Max p* − min p* along the intensity axis, averaged over shapes (layers).</param>
    public sealed record Candidate(double Lambda, double DistinctSplits, double SplitRange);

    /// <summary>The default candidates: 41 values geometric from 0.01 to 100.</summary>
    public static IReadOnlyList<double> DefaultCandidates { get; } =
        [.. Enumerable.Range(0, 41).Select(k => Math.Round(0.01 * Math.Pow(10, k / 10.0), 6))];

    /// <summary>Scores every candidate λ on the table, with the perplexity ratio clipped at <paramref name="maxPerplexityRatio"/>.</summary>
    public static IReadOnlyList<Candidate> Score(PerplexityTable table, ComputeLoad load, IReadOnlyList<double> candidates, double maxPerplexityRatio = double.PositiveInfinity) =>
        [.. candidates.Select(lambda => Score(new SplitRewardAnalysis(table, load, lambda, maxPerplexityRatio), table))];

    /// <summary>The best-scoring candidate.</summary>
    public static Candidate Choose(PerplexityTable table, ComputeLoad load, IReadOnlyList<double> candidates, double maxPerplexityRatio = double.PositiveInfinity) =>
        Score(table, load, candidates, maxPerplexityRatio)
            .OrderByDescending(c => c.DistinctSplits)
            .ThenByDescending(c => c.SplitRange)
            .ThenBy(c => c.Lambda)
            .First();

    private static Candidate Score(SplitRewardAnalysis analysis, PerplexityTable table)
    {
        var map = analysis.OptimalSplits();
        var columns = Enumerable.Range(0, table.Shapes.Count)
            .Select(k => Enumerable.Range(0, table.Intensities.Count).Select(i => map[i, k]).ToList())
            .ToList();
        return new Candidate(
            analysis.Lambda,
            columns.Average(c => c.Distinct().Count()),
            columns.Average(c => c.Max() - c.Min()));
    }
}
