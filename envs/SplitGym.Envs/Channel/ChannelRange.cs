namespace SplitGym.Envs.Channel;

/// <summary>
/// A closed interval of channel states from which an episode's channel is drawn: σ uniform in
/// [<see cref="SigmaMin"/>, <see cref="SigmaMax"/>], m log-uniform in [<see cref="ShapeMin"/>, <see cref="ShapeMax"/>]
/// (log-uniform because m acts multiplicatively: m = 0.5 → 1 changes the fading as much as 4 → 8).
/// A channel without a fading parameter (the erasure variant) uses the range [0, 0] for m.
/// </summary>
public sealed record ChannelRange(double SigmaMin, double SigmaMax, double ShapeMin, double ShapeMax)
{
    /// <summary>Throws a clear error unless 0 ≤ σmin ≤ σmax and 0 &lt; mmin ≤ mmax, all finite.</summary>
    public ChannelRange Validated(string name)
    {
        if (!double.IsFinite(SigmaMin) || !double.IsFinite(SigmaMax) || SigmaMin < 0 || SigmaMax < SigmaMin)
            throw new ArgumentException($"Channel range '{name}': σ range [{SigmaMin}, {SigmaMax}] is invalid; expected finite 0 ≤ σmin ≤ σmax.");
        bool noFading = ShapeMin == 0 && ShapeMax == 0;
        if (!noFading && (!double.IsFinite(ShapeMin) || !double.IsFinite(ShapeMax) || ShapeMin <= 0 || ShapeMax < ShapeMin))
            throw new ArgumentException($"Channel range '{name}': m range [{ShapeMin}, {ShapeMax}] is invalid; expected finite 0 < mmin ≤ mmax, or [0, 0] for a channel without fading.");
        return this;
    }

    /// <summary>Draws a channel state from two uniform variates in [0, 1).</summary>
    public ChannelState At(double sigmaUniform, double shapeUniform) => new(
        SigmaMin + (SigmaMax - SigmaMin) * sigmaUniform,
        ShapeMin == ShapeMax ? ShapeMin : ShapeMin * Math.Pow(ShapeMax / ShapeMin, shapeUniform));

    /// <summary>True when <paramref name="state"/> lies inside the range.</summary>
    public bool Contains(ChannelState state) =>
        state.Sigma >= SigmaMin && state.Sigma <= SigmaMax && state.Shape >= ShapeMin && state.Shape <= ShapeMax;

    /// <summary>True when every state of <paramref name="inner"/> lies inside this range.</summary>
    public bool Covers(ChannelRange inner) =>
        inner.SigmaMin >= SigmaMin && inner.SigmaMax <= SigmaMax && inner.ShapeMin >= ShapeMin && inner.ShapeMax <= ShapeMax;

    /// <summary>Clamps a state into the range.</summary>
    public ChannelState Clamp(ChannelState state) => new(
        Math.Clamp(state.Sigma, SigmaMin, SigmaMax),
        Math.Clamp(state.Shape, ShapeMin, ShapeMax));
}
