namespace SplitGym.Core;

/// <summary>
/// What <c>Step</c> returns, as Gymnasium's 5-tuple; deconstructs as
/// <c>var (obs, reward, terminated, truncated, info) = env.Step(a)</c>.
/// </summary>
/// <typeparam name="TObs">The observation type.</typeparam>
/// <param name="Observation">The observation after the action.</param>
/// <param name="Reward">The reward for the transition.</param>
/// <param name="Terminated">True when a terminal state of the MDP was reached (no bootstrapping past it).</param>
/// <param name="Truncated">True when the episode was cut short by a condition outside the MDP, such as a time limit.</param>
/// <param name="Info">Auxiliary diagnostics.</param>
public readonly record struct StepResult<TObs>(TObs Observation, double Reward, bool Terminated, bool Truncated, Info Info);
