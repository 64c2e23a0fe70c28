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

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.3)]
    public void DriftChangesTheChannelEveryStepWithTheConfiguredCorrelationAndStaysInRange(double correlation)
    {
        const int steps = 20_000;
        using var env = new SplitInferenceEnv(SyntheticTable.Backend(), new SplitInferenceOptions { Drift = new GaussMarkovDrift(correlation, 0.1) });
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
        // Standard error of a lag-1 autocorrelation estimate is about √((1 − ρ²)/n) < 0.008 here; clamping at the
        // range ends (5 stationary deviations from the centre) is negligible.
        Assert.Equal(correlation, LagOneAutocorrelation(sigmas), 0.03);
        Assert.Equal(correlation, LagOneAutocorrelation(logShapes), 0.03);
    }
}
