namespace SplitGym.Llm.Tests.Channels;

/// <summary>Kolmogorov-Smirnov distances and their critical values at α = 0.001 (asymptotic coefficient 1.95).</summary>
public static class KolmogorovSmirnov
{
    private const double Coefficient = 1.95;

    /// <summary>Critical distance of the one-sample test with <paramref name="n"/> samples.</summary>
    public static double Critical(int n) => Coefficient / Math.Sqrt(n);

    /// <summary>Critical distance of the two-sample test with sample sizes <paramref name="n"/> and <paramref name="k"/>.</summary>
    public static double Critical(int n, int k) => Coefficient * Math.Sqrt((double)(n + k) / ((double)n * k));

    /// <summary>Largest gap between the empirical CDF of <paramref name="samples"/> and <paramref name="cdf"/>.</summary>
    public static double Distance(double[] samples, Func<double, double> cdf)
    {
        var sorted = samples.Order().ToArray();
        var distance = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var f = cdf(sorted[i]);
            distance = Math.Max(distance, Math.Max(Math.Abs(f - (double)i / sorted.Length), Math.Abs((double)(i + 1) / sorted.Length - f)));
        }
        return distance;
    }

    /// <summary>Largest gap between the empirical CDFs of two samples.</summary>
    public static double Distance(double[] first, double[] second)
    {
        var (a, b) = (first.Order().ToArray(), second.Order().ToArray());
        var (i, j, distance) = (0, 0, 0.0);
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == x) i++;
            while (j < b.Length && b[j] == x) j++;
            distance = Math.Max(distance, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }
        return distance;
    }
}
