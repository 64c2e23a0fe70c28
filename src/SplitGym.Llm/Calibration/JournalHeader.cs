namespace SplitGym.Llm.Calibration;

/// <summary>First line of a calibration journal: what sweep and which shard its cells belong to.</summary>
/// <param name="FormatVersion">Calibration file format version.</param>
/// <param name="Header">The sweep's definition; a rerun must match it exactly to resume.</param>
/// <param name="Shard">The shard the journal's cells belong to.</param>
internal sealed record JournalHeader(int FormatVersion, CalibrationHeader Header, ShardSpec Shard);
