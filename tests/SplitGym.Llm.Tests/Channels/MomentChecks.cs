using MathNet.Numerics.Statistics;

namespace SplitGym.Llm.Tests.Channels;

/// <summary>Checks a sample's mean and variance against theory within five standard errors (about 1 in 1.7 million false alarms each).</summary>
public static class MomentChecks
{
    /// <summary>
    /// Asserts that the sample mean lies within 5·√(variance/n) of <paramref name="mean"/> and the sample
    /// variance within 5·√((μ₄ − variance²)/n) of <paramref name="variance"/>, μ₄ being the fourth central moment.
    /// </summary>
    public static void AssertMeanAndVariance(double[] samples, double mean, double variance, double fourthCentralMoment, string label)
    {
        var n = samples.Length;
        var meanBound = 5 * Math.Sqrt(variance / n);
        var varianceBound = 5 * Math.Sqrt((fourthCentralMoment - variance * variance) / n);
        var (actualMean, actualVariance) = (samples.Mean(), samples.Variance());
        Assert.True(Math.Abs(actualMean - mean) < meanBound, $"{label}: mean {actualMean}, expected {mean} ± {meanBound}");
        Assert.True(Math.Abs(actualVariance - variance) < varianceBound, $"{label}: variance {actualVariance}, expected {variance} ± {varianceBound}");
    }
}
