using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Backends;

/// <summary>
/// The learned channel transition of <see cref="ILearnedModel"/>: fits a <see cref="GaussMarkovDrift"/>
/// (σ and log m revert to the centre of the range with correlation ρ and a stationary spread) to
/// observed consecutive channel states by least squares.
/// </summary>
/// <remarks>
/// Both coordinates are first scaled by the range width (log width for m), so one ρ and one relative
/// spread describe them jointly, as in <see cref="GaussMarkovDrift"/>. With x the scaled deviation from
/// the centre: ρ̂ = Σ x·x′ / Σ x², clamped to [0, 1], and the innovation variance is the mean squared
/// residual x′ − ρ̂·x; the stationary spread is √(variance / (1 − ρ̂²)). Clamping at the range edges
/// biases the estimate slightly towards less spread. When no observed pair changed the channel the
/// fit is null: the channel is fixed within an episode.
/// </remarks>
public static class ChannelTransitionFit
{
    /// <summary>Correlations above this are treated as 1 when deriving the stationary spread (avoids 0/0).</summary>
    public const double MaxCorrelation = 0.999999;

    /// <summary>Fits the drift to <paramref name="pairs"/> of consecutive channel states inside <paramref name="range"/>.</summary>
    /// <exception cref="ArgumentException">A pair lies outside the range.</exception>
    public static GaussMarkovDrift? Fit(IReadOnlyList<(ChannelState From, ChannelState To)> pairs, ChannelRange range)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(range);
        double cross = 0, square = 0;
        var deviations = new List<(double X, double Next)>();
        bool moved = false;
        foreach (var (from, to) in pairs)
        {
            if (!range.Contains(from) || !range.Contains(to))
                throw new ArgumentException($"Channel pair {from} → {to} lies outside the range {range}; expected observations from the env's own range.", nameof(pairs));
            moved |= from != to;
            foreach (var deviation in ScaledDeviations(from, to, range))
            {
                deviations.Add(deviation);
                cross += deviation.X * deviation.Next;
                square += deviation.X * deviation.X;
            }
        }
        if (!moved || deviations.Count == 0) return null;
        double correlation = square > 0 ? Math.Clamp(cross / square, 0, 1) : 0;
        double residual = deviations.Average(d => (d.Next - correlation * d.X) * (d.Next - correlation * d.X));
        double stationary = Math.Sqrt(residual / (1 - Math.Min(correlation, MaxCorrelation) * Math.Min(correlation, MaxCorrelation)));
        return new GaussMarkovDrift(correlation, stationary);
    }

    /// <summary>(x, x′) for σ and, when the range has fading, for log m, each as a fraction of its width from the centre.</summary>
    private static IEnumerable<(double X, double Next)> ScaledDeviations(ChannelState from, ChannelState to, ChannelRange range)
    {
        if (range.SigmaMax > range.SigmaMin)
        {
            double centre = 0.5 * (range.SigmaMin + range.SigmaMax), width = range.SigmaMax - range.SigmaMin;
            yield return ((from.Sigma - centre) / width, (to.Sigma - centre) / width);
        }
        if (range.ShapeMax > range.ShapeMin)
        {
            double logMin = Math.Log(range.ShapeMin), logMax = Math.Log(range.ShapeMax);
            double centre = 0.5 * (logMin + logMax), width = logMax - logMin;
            yield return ((Math.Log(from.Shape) - centre) / width, (Math.Log(to.Shape) - centre) / width);
        }
    }
}
