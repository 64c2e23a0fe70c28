using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Classic;
using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Tests.Wrappers;

/// <summary>Running statistics against a straightforward two-pass computation over the same data.</summary>
public sealed class NormalizeTests
{
    private const double PriorCount = 1e-4;

    [Property]
    public Property Running_mean_and_variance_match_a_two_pass_computation() =>
        Prop.ForAll(Gen.Choose(-10_000, 10_000).Select(x => x / 100.0).ArrayOf().Where(a => a.Length > 0).ToArbitrary(), values =>
        {
            var stats = new RunningMeanStd();
            foreach (var v in values)
            {
                stats.Update(v);
            }
            var (mean, variance) = TwoPass(values);
            return Close(stats.Mean[0], mean) && Close(stats.Var[0], variance) && Close(stats.Count, values.Length + PriorCount);
        });

    [Fact]
    public void NormalizeObservation_tracks_the_raw_observations_and_can_be_frozen()
    {
        var env = new NormalizeObservation<int>(new CartPoleEnv());
        var raw = new CartPoleEnv();
        var rawObservations = new List<float[]> { raw.Reset(seed: 3).Observation };
        var normalized = env.Reset(seed: 3).Observation;
        for (var i = 0; i < 8; i++)
        {
            rawObservations.Add(raw.Step(i % 2).Observation);
            normalized = env.Step(i % 2).Observation;
        }
        for (var j = 0; j < 4; j++)
        {
            var (mean, variance) = TwoPass([.. rawObservations.Select(o => (double)o[j])]);
            Assert.True(Close(env.Statistics.Mean[j], mean) && Close(env.Statistics.Var[j], variance), $"coordinate {j}");
            Assert.Equal((rawObservations[^1][j] - mean) / Math.Sqrt(variance + 1e-8), normalized[j], 1e-4);
        }
        env.UpdateRunningMean = false;
        var frozen = env.Statistics.Mean.ToArray();
        env.Step(0);
        Assert.Equal(frozen, env.Statistics.Mean.ToArray());
        Assert.True(float.IsNegativeInfinity(((SplitGym.Core.Spaces.Box<float>)env.ObservationSpace).Low[0]));
    }

    [Fact]
    public void NormalizeReward_divides_by_the_std_of_the_discounted_return()
    {
        const double gamma = 0.9;
        var env = new NormalizeReward<float[], int>(new TestEnvs.CountingEnv(terminateAfter: 4), gamma);
        env.Reset(seed: 1);
        var returns = new List<double>();
        var discounted = 0.0;
        double rawReward = 0, normalizedReward = 0;
        for (var i = 0; i < 10; i++)
        {
            var step = env.Step(i % 3);
            if (step.Terminated)
            {
                env.Reset();
            }
            normalizedReward = step.Reward;
            rawReward = (i % 3) + ((TestEnvs.CountingEnv)env.Inner).LastDraw;
            discounted = discounted * gamma * (step.Terminated ? 0 : 1) + rawReward;
            returns.Add(discounted);
        }
        var (_, variance) = TwoPass([.. returns]);
        Assert.Equal(rawReward / Math.Sqrt(variance + 1e-8), normalizedReward, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormalizeReward<float[], int>(new CartPoleEnv(), gamma: 1.5));
    }

    /// <summary>Mean and population variance of the data pooled with Gymnasium's prior (count 1e-4 at mean 0, variance 1).</summary>
    private static (double Mean, double Variance) TwoPass(double[] values)
    {
        var count = values.Length + PriorCount;
        var mean = values.Sum() / count;
        var squares = values.Sum(v => (v - mean) * (v - mean)) + PriorCount * (1 + mean * mean);
        return (mean, squares / count);
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected));
}
