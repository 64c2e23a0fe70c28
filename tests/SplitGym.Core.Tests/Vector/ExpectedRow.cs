namespace SplitGym.Core.Tests.Vector;

/// <summary>What one sub-env of a vector env should report after a reset or step, as worked out from a single env.</summary>
/// <param name="Observation">The observation row.</param>
/// <param name="Reward">The reward (0 on reset rows).</param>
/// <param name="Terminated">The terminated flag.</param>
/// <param name="Truncated">The truncated flag.</param>
/// <param name="Count">The "count" info value, or null when the row has no info.</param>
/// <param name="FinalObservation">SameStep: the observation of the step that ended the episode, else null.</param>
/// <param name="FinalCount">SameStep: the "count" info of that step, else null.</param>
/// <param name="IsResetStep">Whether the row comes from a reset rather than a step.</param>
internal readonly record struct ExpectedRow(float[] Observation, double Reward, bool Terminated, bool Truncated, double? Count, float[]? FinalObservation, double? FinalCount, bool IsResetStep);
