namespace SplitGym.Agents.OffPolicy;

/// <summary>DQN's hyperparameters: SB3's defaults (the shared ones are documented on <see cref="OffPolicyOptions"/>).</summary>
public sealed record DqnOptions : OffPolicyOptions
{
    /// <summary>
    /// Update the target network (by <see cref="Tau"/>) every this many env steps (10,000), counted as SB3 does in
    /// vector steps: every max(⌊interval / numEnvs⌋, 1) vector steps, so the period in env steps does not grow with the number of envs.
    /// </summary>
    public int TargetUpdateInterval { get; init; } = 10_000;

    /// <summary>Soft-update coefficient of the target network (1: hard copy).</summary>
    public double Tau { get; init; } = 1.0;

    /// <summary>Fraction of the run over which ε decays linearly (0.1).</summary>
    public double ExplorationFraction { get; init; } = 0.1;

    /// <summary>Initial ε of ε-greedy exploration (1.0).</summary>
    public double ExplorationInitialEps { get; init; } = 1.0;

    /// <summary>Final ε (0.05).</summary>
    public double ExplorationFinalEps { get; init; } = 0.05;

    /// <summary>Double DQN (van Hasselt et al. 2016): the online network picks the next action, the target network values it. Off by default, as SB3.</summary>
    public bool DoubleDqn { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(TargetUpdateInterval > 0, nameof(TargetUpdateInterval), TargetUpdateInterval, "> 0");
        Require(Tau is > 0 and <= 1, nameof(Tau), Tau, "in (0, 1]");
        Require(ExplorationFraction is > 0 and <= 1, nameof(ExplorationFraction), ExplorationFraction, "in (0, 1]");
        Require(ExplorationInitialEps is >= 0 and <= 1, nameof(ExplorationInitialEps), ExplorationInitialEps, "in [0, 1]");
        Require(ExplorationFinalEps is >= 0 and <= 1, nameof(ExplorationFinalEps), ExplorationFinalEps, "in [0, 1]");
    }
}
