namespace SplitGym.Agents.OnPolicy;

/// <summary>PPO's hyperparameters: SB3's defaults (the shared ones are documented on <see cref="OnPolicyOptions"/>).</summary>
public sealed record PpoOptions : OnPolicyOptions
{
    /// <summary>Minibatch size of the update (64).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Passes over each rollout per update (10).</summary>
    public int NEpochs { get; init; } = 10;

    /// <summary>Clipping range ε of the probability ratio (0.2).</summary>
    public double ClipRange { get; init; } = 0.2;

    /// <summary>Clipping range of the value prediction around the rollout's value; null (default): no value clipping.</summary>
    public double? ClipRangeVf { get; init; }

    /// <summary>Stop the epochs early when the approximate KL of a minibatch exceeds 1.5 × this; null (default): never.</summary>
    public double? TargetKl { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(BatchSize > 1, nameof(BatchSize), BatchSize, "> 1");
        Require(NEpochs > 0, nameof(NEpochs), NEpochs, "> 0");
        Require(ClipRange > 0, nameof(ClipRange), ClipRange, "> 0");
        Require(ClipRangeVf is null or > 0, nameof(ClipRangeVf), ClipRangeVf ?? 0, "> 0 or null");
        Require(TargetKl is null or > 0, nameof(TargetKl), TargetKl ?? 0, "> 0 or null");
    }
}
