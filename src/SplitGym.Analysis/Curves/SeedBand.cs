namespace SplitGym.Analysis;

/// <summary>
/// The mean and ±1 standard deviation over seeds of several <see cref="TrainingCurve"/>s, on an evenly
/// spaced grid of steps covering the range that every seed logged (so no seed is extrapolated).
/// The standard deviation is the population one (divide by the number of seeds; 0 for one seed), the
/// same convention as the comparison summary's "mean ± std".
/// </summary>
/// <param name="Steps">Grid of environment steps.</param>
/// <param name="Mean">Mean over seeds at each grid step.</param>
/// <param name="Std">Population standard deviation over seeds at each grid step.</param>
/// <param name="Seeds">How many seeds were combined.</param>
public sealed record SeedBand(double[] Steps, double[] Mean, double[] Std, int Seeds)
{
    /// <summary>Default number of grid points: enough for a smooth line at figure resolution.</summary>
    public const int DefaultPoints = 60;

    /// <summary>Combines the curves of several seeds; fails when they share no common step range.</summary>
    /// <param name="curves">One curve per seed (at least one).</param>
    /// <param name="points">Grid points (at least 2).</param>
    public static SeedBand Of(IReadOnlyList<TrainingCurve> curves, int points = DefaultPoints)
    {
        if (curves.Count == 0) throw new ArgumentException("A seed band needs at least one curve; got none.", nameof(curves));
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "A seed band needs at least 2 grid points.");
        double start = curves.Max(c => c.FirstStep), end = curves.Min(c => c.LastStep);
        if (end < start)
            throw new ArgumentException($"The seeds' curves share no common step range: the latest first step is {start}, the earliest last step {end}.", nameof(curves));
        var steps = new double[points];
        var mean = new double[points];
        var std = new double[points];
        for (int i = 0; i < points; i++)
        {
            steps[i] = start + (end - start) * i / (points - 1);
            (mean[i], std[i]) = MeanAndStd(curves.Select(c => c.ValueAt(steps[i])).ToList());
        }
        return new SeedBand(steps, mean, std, curves.Count);
    }

    /// <summary>Mean and population standard deviation of <paramref name="values"/> (at least one).</summary>
    public static (double Mean, double Std) MeanAndStd(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return (mean, Math.Sqrt(values.Average(v => (v - mean) * (v - mean))));
    }
}
