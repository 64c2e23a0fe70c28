namespace SplitGym.Core;

/// <summary>The scalar part of a step on the array path (the observation and info go into caller-owned buffers).</summary>
/// <param name="Reward">The reward for the transition.</param>
/// <param name="Terminated">True when a terminal state of the MDP was reached.</param>
/// <param name="Truncated">True when the episode was cut short (e.g. by a time limit).</param>
public readonly record struct StepOutcome(double Reward, bool Terminated, bool Truncated);
