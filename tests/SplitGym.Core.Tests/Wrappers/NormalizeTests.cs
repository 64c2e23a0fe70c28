using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Classic;
using SplitGym.Core.Tests.TestEnvs;
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

    [Property(MaxTest = 30)]
    public Property NormalizeReward_frozen_keeps_its_statistics_and_divides_by_the_frozen_std() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(1, 20).ToArbitrary(), (seed, warmUp) =>
        {
            var counting = new CountingEnv(terminateAfter: 7);
            var env = new NormalizeReward<float[], int>(counting, gamma: 0.9);
            var actions = new Rng(seed);
            env.Reset(seed: seed);
            StepAndResetAtTheEnd(env, warmUp, actions);
            env.UpdateRunningMean = false;
            var (count, variance) = (env.Statistics.Count, env.Statistics.Var[0]);
            return Enumerable.Range(0, 20).All(_ =>
            {
                var reward = StepAndResetAtTheEnd(env, 1, actions);
                var raw = reward.Action + counting.LastDraw;
                return Math.Abs(reward.Normalized - raw / Math.Sqrt(variance + 1e-8)) <= 1e-12 * Math.Max(1, Math.Abs(reward.Normalized));
            }) && env.Statistics.Count == count && env.Statistics.Var[0] == variance;
        });

    [Property(MaxTest = 30)]
    public Property NormalizeObservation_array_path_matches_welford_statistics_of_the_raw_observations() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (seed, episodeLength) =>
        {
            var env = new NormalizeObservation<int>(new CountingEnv(episodeLength));
            var raw = new CountingEnv(episodeLength);
            var references = new[] { new WelfordReference(), new WelfordReference(), new WelfordReference() };
            var observation = new float[3];
            var info = new InfoBuffer(env.InfoKeys);
            env.ResetInto(seed, observation, info);
            var matches = new List<bool> { MatchesReference(observation, raw.Reset(seed).Observation, references) };
            var actions = new Rng(seed);
            for (var t = 0; t < 25; t++)
            {
                var action = actions.NextInt(3);
                var ended = env.StepInto(action, observation, info).Terminated;
                matches.Add(MatchesReference(observation, raw.Step(action).Observation, references));
                if (ended)
                {
                    env.ResetInto(null, observation, info);
                    matches.Add(MatchesReference(observation, raw.Reset().Observation, references));
                }
            }
            return matches.All(m => m);
        });

    [Property(MaxTest = 30)]
    public Property NormalizeReward_array_path_divides_by_the_welford_std_of_the_discounted_return() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), Gen.Elements(0.0, 0.5, 0.9, 0.99, 1.0).ToArbitrary(), (seed, episodeLength, gamma) =>
        {
            var counting = new CountingEnv(episodeLength);
            var env = new NormalizeReward<float[], int>(counting, gamma);
            var reference = new WelfordReference();
            var discountedReturn = 0.0;
            var observation = new float[3];
            var info = new InfoBuffer(env.InfoKeys);
            var actions = new Rng(seed);
            env.ResetInto(seed, observation, info);
            return Enumerable.Range(0, 25).All(_ =>
            {
                var action = actions.NextInt(3);
                var outcome = env.StepInto(action, observation, info);
                var raw = action + counting.LastDraw;
                discountedReturn = discountedReturn * gamma * (outcome.Terminated ? 0 : 1) + raw;
                reference.Add(discountedReturn);
                if (outcome.Terminated)
                {
                    env.ResetInto(null, observation, info);
                }
                return Math.Abs(outcome.Reward - raw / Math.Sqrt(reference.Variance + 1e-8)) <= 1e-9 * Math.Max(1, Math.Abs(outcome.Reward));
            });
        });

    /// <summary>Steps <paramref name="count"/> times with random actions, resetting when an episode ends; returns the last action and normalised reward.</summary>
    private static (int Action, double Normalized) StepAndResetAtTheEnd(NormalizeReward<float[], int> env, int count, Rng actions)
    {
        (int, double) last = default;
        for (var i = 0; i < count; i++)
        {
            var action = actions.NextInt(3);
            var step = env.Step(action);
            last = (action, step.Reward);
            if (step.Terminated)
            {
                env.Reset();
            }
        }
        return last;
    }

    /// <summary>Adds the raw observation to the references and checks the normalised one against (raw − mean) / sqrt(var + 1e-8).</summary>
    private static bool MatchesReference(float[] normalized, float[] raw, WelfordReference[] references)
    {
        for (var j = 0; j < raw.Length; j++)
        {
            references[j].Add(raw[j]);
            var expected = (raw[j] - references[j].Mean) / Math.Sqrt(references[j].Variance + 1e-8);
            if (Math.Abs(normalized[j] - expected) > 1e-5 * Math.Max(1, Math.Abs(expected)))
            {
                return false;
            }
        }
        return true;
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
