using SplitGym.Core;

namespace SplitGym.Envs.Channel;

/// <summary>
/// The drift of the authors' released environment: after every move the noise intensity (their
/// erasure probability q) is multiplied by a factor drawn uniformly from
/// [<see cref="MinFactor"/>, <see cref="MaxFactor"/>] (0.9995–1.002 in their code), then clamped to the range.
/// The fading shape does not change.
/// </summary>
/// <param name="MinFactor">Smallest factor (&gt; 0).</param>
/// <param name="MaxFactor">Largest factor (≥ <paramref name="MinFactor"/>).</param>
public sealed record MultiplicativeDrift(double MinFactor, double MaxFactor) : IChannelDrift
{
    /// <summary>The authors' factors.</summary>
    public static MultiplicativeDrift Authors { get; } = new(0.9995, 1.002);

    /// <inheritdoc/>
    public IChannelDrift Validated()
    {
        if (!(MinFactor > 0) || !(MaxFactor >= MinFactor) || !double.IsFinite(MaxFactor))
            throw new ArgumentOutOfRangeException(nameof(MinFactor), $"Multiplicative drift factors [{MinFactor}, {MaxFactor}] are invalid; expected finite 0 < min ≤ max.");
        return this;
    }

    /// <inheritdoc/>
    public ChannelState Next(ChannelState state, ChannelRange range, Rng rng) =>
        range.Clamp(state with { Sigma = state.Sigma * rng.NextUniform(MinFactor, MaxFactor) });
}
