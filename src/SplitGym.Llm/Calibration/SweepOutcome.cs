namespace SplitGym.Llm.Calibration;

/// <summary>What one run of a sweep produced for its shard.</summary>
/// <param name="CleanPerplexity">Perplexity of the unsplit model without a channel.</param>
/// <param name="Cells">The shard's cells in row-major order (recovered and newly measured).</param>
/// <param name="Measured">How many cells this run measured (the rest came from the journal).</param>
public sealed record SweepOutcome(double CleanPerplexity, IReadOnlyList<PerplexityCell> Cells, int Measured)
{
    /// <summary>Cells whose standard error is above the target fraction of the mean (they hit the repeat cap).</summary>
    public IReadOnlyList<PerplexityCell> AboveTarget(SweepSettings sweep) =>
        [.. Cells.Where(c => c.RelativeStandardError > sweep.TargetRelativeStandardError)];
}
