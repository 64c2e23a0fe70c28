namespace SplitGym.Core.Vector;

/// <summary>
/// What a vector step returns: references to the vector env's reused batch buffers (overwritten
/// by the next call; copy what you keep). Observations are row-major, <c>[env * obsLength + j]</c>.
/// </summary>
/// <param name="Observations">float32 observations, numEnvs × observation length.</param>
/// <param name="Rewards">One reward per sub-env.</param>
/// <param name="Terminations">One terminated flag per sub-env.</param>
/// <param name="Truncations">One truncated flag per sub-env.</param>
/// <param name="Infos">Batched info with presence masks.</param>
public readonly record struct VectorStepResult(float[] Observations, double[] Rewards, bool[] Terminations, bool[] Truncations, VectorInfo Infos);
