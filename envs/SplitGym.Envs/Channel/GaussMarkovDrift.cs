using SplitGym.Core;

namespace SplitGym.Envs.Channel;

/// <summary>
/// First-order Gauss–Markov drift of the channel between steps, for σ and for log m:
/// <c>x' = μ + ρ·(x − μ) + √(1 − ρ²)·s·ε</c>, ε ~ N(0, 1), clamped to the episode's range, where μ is
/// the centre of the range and the stationary spread s is <see cref="RelativeSpread"/> times its width.
/// ρ = 1 freezes the channel; ρ = 0 redraws it independently every step.
/// </summary>
/// <param name="Correlation">Step-to-step correlation ρ ∈ [0, 1].</param>
/// <param name="RelativeSpread">Stationary standard deviation as a fraction of the range width (≥ 0).</param>
public sealed record GaussMarkovDrift(double Correlation, double RelativeSpread) : IChannelDrift
{
    /// <summary>Throws a clear error unless ρ ∈ [0, 1] and the spread is finite and non-negative.</summary>
    public IChannelDrift Validated()
    {
        if (!(Correlation >= 0 && Correlation <= 1))
            throw new ArgumentOutOfRangeException(nameof(Correlation), Correlation, $"Drift correlation ρ (drift_correlation) = {Correlation} is invalid; expected ρ ∈ [0, 1].");
        if (!(RelativeSpread >= 0) || !double.IsFinite(RelativeSpread))
            throw new ArgumentOutOfRangeException(nameof(RelativeSpread), RelativeSpread, $"Drift spread (drift_spread) = {RelativeSpread} is invalid; expected a finite fraction ≥ 0 of the range width.");
        return this;
    }

    /// <summary>The channel one step later.</summary>
    public ChannelState Next(ChannelState state, ChannelRange range, Rng rng)
    {
        double innovation = Math.Sqrt(1 - Correlation * Correlation) * RelativeSpread;
        double sigmaCentre = 0.5 * (range.SigmaMin + range.SigmaMax);
        double sigma = sigmaCentre + Correlation * (state.Sigma - sigmaCentre)
                     + innovation * (range.SigmaMax - range.SigmaMin) * rng.NextGaussian();
        double shape = state.Shape;
        if (range.ShapeMax > range.ShapeMin)
        {
            double logMin = Math.Log(range.ShapeMin), logMax = Math.Log(range.ShapeMax);
            double logCentre = 0.5 * (logMin + logMax);
            double logShape = logCentre + Correlation * (Math.Log(state.Shape) - logCentre)
                            + innovation * (logMax - logMin) * rng.NextGaussian();
            shape = Math.Exp(logShape);
        }
        return range.Clamp(new ChannelState(sigma, shape));
    }
}
