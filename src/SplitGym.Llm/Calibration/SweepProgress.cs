namespace SplitGym.Llm.Calibration;

/// <summary>Reported after every finished cell of a sweep, so long runs show where they are.</summary>
/// <param name="Cell">The cell just finished.</param>
/// <param name="Finished">Cells of this shard finished so far, including those recovered from the journal.</param>
/// <param name="Total">Cells this shard owns.</param>
/// <param name="Elapsed">Time since this run started (recovered cells took none of it).</param>
public sealed record SweepProgress(PerplexityCell Cell, int Finished, int Total, TimeSpan Elapsed);
