using SplitGym.Envs.Channel;
using SplitGym.Envs.Rewards;

namespace SplitGym.Envs;

/// <summary>
/// Everything configurable about <see cref="SplitInferenceEnv"/> except the reward backend. Defaults
/// reproduce the registered <c>SplitInference-A-k1-v0</c>.
/// </summary>
public sealed record SplitInferenceOptions
{
    /// <summary>
    /// Default weight λ of the UE compute share. Chosen from the shipped calibration (docs/calibration.md,
    /// <c>LambdaChoice</c>) so that the optimal split divides the σ axis most evenly between shallow
    /// (p* = 1 for σ ≤ 8) and deep (p* = 31 for σ ≥ 16).
    /// </summary>
    public const double DefaultLambda = 0.501;

    /// <summary>Default episode length: as many steps as the shipped model has layers, so an agent moving one layer per step can cross the whole model.</summary>
    public const int DefaultEpisodeLength = 32;

    /// <summary>Largest move K in layers per step; the action space is Discrete(2K + 1). At least 1.</summary>
    public int MaxMove { get; init; } = 1;

    /// <summary>Smallest allowed split pMin (layers on the UE), at least 1.</summary>
    public int SplitMin { get; init; } = 1;

    /// <summary>Largest allowed split pMax; null means L − 1.</summary>
    public int? SplitMax { get; init; }

    /// <summary>Weight λ ≥ 0 of the UE compute share C_UE(p) in the reward.</summary>
    public double Lambda { get; init; } = DefaultLambda;

    /// <summary>Reward formula.</summary>
    public RewardForm RewardForm { get; init; } = RewardForm.Normalised;

    /// <summary>
    /// Cap D on the perplexity degradation <c>PPL/PPL_clean − 1</c> in the reward (dimensionless, finite, &gt; 0;
    /// default 10, so the perplexity ratio itself is capped at D + 1 = 11). It keeps value targets bounded
    /// when the channel is catastrophic; the uncapped perplexity is always in the info.
    /// </summary>
    public double MaxDegradation { get; init; } = 10;

    /// <summary>Channel case from which each episode's channel is drawn.</summary>
    public ChannelCase Case { get; init; } = ChannelCase.All;

    /// <summary>An explicit channel range that replaces <see cref="Case"/>; it must lie inside the backend's coverage.</summary>
    public ChannelRange? ChannelRange { get; init; }

    /// <summary>Per-step channel drift; null keeps the channel fixed for the whole episode.</summary>
    public IChannelDrift? Drift { get; init; }

    /// <summary>
    /// Steps per episode over which the oracle plans. An env made from the registry plans over its
    /// spec's time limit instead, so <c>Make(id, maxEpisodeSteps: n)</c> keeps the oracle exact.
    /// </summary>
    public int EpisodeLength { get; init; } = DefaultEpisodeLength;
}
