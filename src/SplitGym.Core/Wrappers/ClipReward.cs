namespace SplitGym.Core.Wrappers;

/// <summary>Clips every reward into [<see cref="Min"/>, <see cref="Max"/>], as Gymnasium's <c>ClipReward</c>. Works on both paths.</summary>
public sealed class ClipReward<TObs, TAct> : TransformReward<TObs, TAct>
{
    /// <summary>Wraps <paramref name="inner"/>; either bound may be infinite, but min must not exceed max.</summary>
    public ClipReward(Env<TObs, TAct> inner, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        : base(inner, Clipper(min, max))
    {
        Min = min;
        Max = max;
    }

    /// <summary>The smallest reward passed on.</summary>
    public double Min { get; }

    /// <summary>The largest reward passed on.</summary>
    public double Max { get; }

    private static Func<double, double> Clipper(double min, double max)
    {
        if (!(min <= max))
        {
            throw new ArgumentException($"ClipReward needs min <= max, got min={min}, max={max}.");
        }
        return reward => Math.Clamp(reward, min, max);
    }
}
