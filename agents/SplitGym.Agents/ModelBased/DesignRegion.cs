using SplitGym.Envs;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// The allowed (p, σ, m) region of a split-inference env and its map to the unit cube [0, 1)³, in which
/// designs are drawn, distances are measured and the default surrogate's inputs are normalised:
/// p in equal cells per split, σ linearly, m in log m (m acts multiplicatively).
/// </summary>
/// <param name="SplitMin">Smallest allowed split pMin.</param>
/// <param name="SplitMax">Largest allowed split pMax.</param>
/// <param name="Channels">The env's channel range (its case).</param>
public sealed record DesignRegion(int SplitMin, int SplitMax, ChannelRange Channels)
{
    /// <summary>Coordinates of a point: split, σ, m.</summary>
    public const int Dimensions = 3;

    /// <summary>The region an env draws its states from.</summary>
    public static DesignRegion Of(SplitInferenceEnv env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return new(env.Options.SplitMin, env.Options.SplitMax ?? env.Backend.NumLayers - 1, env.ChannelRange);
    }

    /// <summary>Number of allowed splits.</summary>
    public int SplitCount => SplitMax - SplitMin + 1;

    /// <summary>The point's unit-cube coordinates (a split maps to the centre of its cell).</summary>
    public double[] ToUnit(ModelQuery query) =>
    [
        (query.Split - SplitMin + 0.5) / SplitCount,
        Fraction(query.Channel.Sigma, Channels.SigmaMin, Channels.SigmaMax),
        Channels.ShapeMax > Channels.ShapeMin ? Fraction(Math.Log(query.Channel.Shape), Math.Log(Channels.ShapeMin), Math.Log(Channels.ShapeMax)) : 0.5,
    ];

    /// <summary>The point at unit-cube coordinates <paramref name="unit"/> (each in [0, 1]).</summary>
    public ModelQuery FromUnit(ReadOnlySpan<double> unit)
    {
        if (unit.Length != Dimensions) throw new ArgumentException($"Expected {Dimensions} unit coordinates (split, σ, m), got {unit.Length}.", nameof(unit));
        int split = SplitMin + Math.Min(SplitCount - 1, (int)Math.Floor(Math.Clamp(unit[0], 0, 1) * SplitCount));
        return new ModelQuery(split, Channels.Clamp(Channels.At(Math.Clamp(unit[1], 0, 1), Math.Clamp(unit[2], 0, 1))));
    }

    private static double Fraction(double value, double low, double high) => high > low ? Math.Clamp((value - low) / (high - low), 0, 1) : 0.5;
}
