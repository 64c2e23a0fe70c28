using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Tests;

/// <summary>The statistics of the random parts of an episode: the initial split and the channel's Gauss–Markov drift.</summary>
public class StartAndDriftStatisticsTests
{
    [Theory]
    [InlineData(1, 11, 29.59)]  // χ²(10) at p = 0.001
    [InlineData(3, 7, 18.47)]   // χ²(4) at p = 0.001
    public void InitialSplitIsUniformOverTheAllowedRange(int splitMin, int splitMax, double critical)
    {
        using var env = new SplitInferenceEnv(SyntheticTable.Backend(), new SplitInferenceOptions { SplitMin = splitMin, SplitMax = splitMax });
        int bins = splitMax - splitMin + 1, resets = 1000 * bins;
        var counts = new int[bins];
        for (int seed = 0; seed < resets; seed++)
        {
            env.Reset(seed);
            counts[env.Split - splitMin]++;
        }
        double chiSquare = counts.Sum(c => (c - 1000.0) * (c - 1000.0) / 1000.0);
        Assert.True(chiSquare < critical, $"χ² = {chiSquare} ≥ {critical} for counts [{string.Join(", ", counts)}].");
    }

    private static double LagOneAutocorrelation(IReadOnlyList<double> series)
    {
        double mean = series.Average();
        double variance = series.Sum(x => (x - mean) * (x - mean));
        double covariance = 0;
        for (int t = 1; t < series.Count; t++) covariance += (series[t] - mean) * (series[t - 1] - mean);
        return covariance / variance;
    }

    /// <summary>σ and log m of <paramref name="steps"/> drifting steps after a reset (the reset's channel first), checking the range and that both move every step.</summary>
    private static (List<double> Sigmas, List<double> LogShapes, ChannelRange Range) DriftSeries(GaussMarkovDrift drift, int steps)
    {
        using var env = new SplitInferenceEnv(SyntheticTable.Backend(), new SplitInferenceOptions { Drift = drift });
        env.Reset(seed: 21);
        var sigmas = new List<double> { env.Channel.Sigma };
        var logShapes = new List<double> { Math.Log(env.Channel.Shape) };
        for (int t = 0; t < steps; t++)
        {
            env.Step(1);
            Assert.True(env.ChannelRange.Contains(env.Channel), $"Channel {env.Channel} left {env.ChannelRange}.");
            Assert.NotEqual(sigmas[^1], env.Channel.Sigma);
            Assert.NotEqual(logShapes[^1], Math.Log(env.Channel.Shape));
            sigmas.Add(env.Channel.Sigma);
            logShapes.Add(Math.Log(env.Channel.Shape));
        }
        return (sigmas, logShapes, env.ChannelRange);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.3)]
    public void DriftChangesTheChannelEveryStepWithTheConfiguredCorrelationAndStaysInRange(double correlation)
    {
        var (sigmas, logShapes, _) = DriftSeries(new GaussMarkovDrift(correlation, 0.1), 20_000);
        // Standard error of a lag-1 autocorrelation estimate is about √((1 − ρ²)/n) < 0.008 here; clamping at the
        // range ends (5 stationary deviations from the centre) is negligible.
        Assert.Equal(correlation, LagOneAutocorrelation(sigmas), 0.03);
        Assert.Equal(correlation, LagOneAutocorrelation(logShapes), 0.03);
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Count - 1));
    }

    private static double[] Increments(IReadOnlyList<double> series) => [.. series.Skip(1).Zip(series, (next, now) => next - now)];

    /// <summary>
    /// <c>drift_spread</c> s is the stationary standard deviation as a fraction of the range width W (σ's width,
    /// and log m's width), so the series has std s·W and its step increments std √(2(1 − ρ))·s·W. Over
    /// 40 000 correlated steps the relative standard error of either estimate is below 1 %; the bound of 5 %
    /// fails an innovation that forgot √(1 − ρ²) (40 % too wide at ρ = 0.7) or a spread of the half-width.
    /// </summary>
    [Theory]
    [InlineData(0.7, 0.1)]
    [InlineData(0.3, 0.05)]
    public void DriftHasTheConfiguredStationarySpread(double correlation, double spread)
    {
        var (sigmas, logShapes, range) = DriftSeries(new GaussMarkovDrift(correlation, spread), 40_000);
        (string Name, List<double> Series, double Width)[] widths = [("σ", sigmas, range.SigmaMax - range.SigmaMin), ("log m", logShapes, Math.Log(range.ShapeMax / range.ShapeMin))];
        foreach (var (name, series, width) in widths)
        {
            double stationary = spread * width, increment = Math.Sqrt(2 * (1 - correlation)) * stationary;
            Assert.True(Math.Abs(StandardDeviation(series) / stationary - 1) < 0.05, $"{name}: stationary std {StandardDeviation(series)}, expected {stationary} = {spread} × width {width}.");
            Assert.True(Math.Abs(StandardDeviation(Increments(series)) / increment - 1) < 0.05, $"{name}: increment std {StandardDeviation(Increments(series))}, expected {increment}.");
        }
    }

    /// <summary>Kolmogorov–Smirnov statistic of <paramref name="samples"/> against the uniform distribution on [<paramref name="low"/>, <paramref name="high"/>].</summary>
    private static double UniformKsStatistic(IEnumerable<double> samples, double low, double high)
    {
        var sorted = samples.Order().ToArray();
        double statistic = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double cdf = (sorted[i] - low) / (high - low);
            statistic = Math.Max(statistic, Math.Max((i + 1.0) / sorted.Length - cdf, cdf - (double)i / sorted.Length));
        }
        return statistic;
    }

    /// <summary>
    /// Each episode's channel: σ uniform over the case's range and m log-uniform (uniform in log m), by
    /// Kolmogorov–Smirnov at p = 0.001 (critical value 1.95/√n). A log-uniform σ or a uniform m fails by far.
    /// </summary>
    [Theory]
    [InlineData(ChannelCase.All)]
    [InlineData(ChannelCase.High)]
    public void EpisodeChannelIsUniformInSigmaAndLogUniformInShape(ChannelCase channelCase)
    {
        const int resets = 4000;
        using var env = new SplitInferenceEnv(SyntheticTable.Backend(), new SplitInferenceOptions { Case = channelCase });
        var range = env.ChannelRange;
        var channels = Enumerable.Range(0, resets).Select(seed => { env.Reset(seed); return env.Channel; }).ToList();
        double critical = 1.95 / Math.Sqrt(resets);
        double sigmaKs = UniformKsStatistic(channels.Select(c => c.Sigma), range.SigmaMin, range.SigmaMax);
        double shapeKs = UniformKsStatistic(channels.Select(c => Math.Log(c.Shape)), Math.Log(range.ShapeMin), Math.Log(range.ShapeMax));
        Assert.True(sigmaKs < critical, $"σ over {range}: KS statistic {sigmaKs} ≥ {critical} against uniform.");
        Assert.True(shapeKs < critical, $"log m over {range}: KS statistic {shapeKs} ≥ {critical} against uniform.");
    }
}
