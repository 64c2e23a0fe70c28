namespace SplitGym.Core.Vector;

/// <summary>What a vector reset returns: the reused observation batch and info (overwritten by the next call).</summary>
/// <param name="Observations">float32 observations, numEnvs × observation length, row-major.</param>
/// <param name="Infos">Batched reset info with presence masks.</param>
public readonly record struct VectorResetResult(float[] Observations, VectorInfo Infos);
