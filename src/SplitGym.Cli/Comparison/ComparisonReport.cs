namespace SplitGym.Cli.Comparison;

/// <summary>What a finished comparison leaves besides the per-run files: the summary table and the figures.</summary>
public static class ComparisonReport
{
    /// <summary>Writes <c>summary.md</c>, <c>summary.json</c> and the figures of <paramref name="results"/> into <paramref name="folder"/>, and returns the summary.</summary>
    public static ComparisonSummary Write(string folder, ComparisonPlan plan, IReadOnlyList<RunResult> results)
    {
        var summary = new ComparisonSummary(plan.Title, results);
        summary.Write(folder);
        ComparisonFigures.Write(folder, results);
        return summary;
    }
}
