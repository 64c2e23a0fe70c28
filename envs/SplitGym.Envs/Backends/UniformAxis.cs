namespace SplitGym.Envs.Backends;

/// <summary>
/// Evenly spaced knots on [<see cref="Min"/>, <see cref="Max"/>] with O(1) bracketing for linear
/// interpolation; values outside the axis are clamped to its ends. A single-knot axis (a degenerate
/// range) always yields that knot.
/// </summary>
internal readonly record struct UniformAxis(double Min, double Max, int Knots)
{
    /// <summary>Throws unless the axis has at least one knot, finite ends and Min ≤ Max (and Min = Max for one knot).</summary>
    public UniformAxis Validated(string name)
    {
        if (Knots < 1 || !double.IsFinite(Min) || !double.IsFinite(Max) || Max < Min || (Knots == 1 && Max != Min) || (Knots > 1 && Max == Min))
            throw new ArgumentException($"Grid axis '{name}' [{Min}, {Max}] with {Knots} knots is invalid; expected finite Min < Max with ≥ 2 knots, or Min = Max with 1 knot.");
        return this;
    }

    /// <summary>Position of knot <paramref name="index"/>.</summary>
    public double Knot(int index) => Knots == 1 ? Min : Min + (Max - Min) * index / (Knots - 1);

    /// <summary>The knot at or below <paramref name="value"/> (at most Knots − 2) and the weight of the next knot, in [0, 1].</summary>
    public (int Lower, double UpperWeight) Locate(double value)
    {
        if (Knots == 1) return (0, 0);
        double position = (Math.Clamp(value, Min, Max) - Min) / (Max - Min) * (Knots - 1);
        int lower = Math.Min((int)position, Knots - 2);
        return (lower, position - lower);
    }
}
