namespace SplitGym.Envs.Backends;

/// <summary>
/// Where a Nakagami shape m falls on a table's shape axis: the two neighbouring knots and the weight
/// of the upper one, linear in log m (m acts multiplicatively) and clamped to the axis ends.
/// A single-knot axis (erasure, which has no fading) always yields that knot with weight 0.
/// </summary>
internal readonly record struct ShapeBracket(int Lower, int Upper, double UpperWeight)
{
    /// <summary>Brackets <paramref name="shape"/> on the strictly increasing <paramref name="shapes"/>.</summary>
    public static ShapeBracket Find(IReadOnlyList<double> shapes, double shape)
    {
        int last = shapes.Count - 1;
        if (last == 0 || shape <= shapes[0]) return new(0, 0, 0);
        if (shape >= shapes[last]) return new(last, last, 0);
        int upper = 1;
        while (shapes[upper] < shape) upper++;
        double weight = Math.Log(shape / shapes[upper - 1]) / Math.Log(shapes[upper] / shapes[upper - 1]);
        return new(upper - 1, upper, weight);
    }
}
