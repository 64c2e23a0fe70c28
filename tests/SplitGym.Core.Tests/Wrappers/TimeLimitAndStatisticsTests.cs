using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Tests.TestEnvs;
using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Tests.Wrappers;

public sealed class TimeLimitAndStatisticsTests
{
    [Property]
    public Property TimeLimit_truncates_exactly_at_the_limit_on_both_paths() =>
        Prop.ForAll(Gen.Choose(1, 60).ToArbitrary(), limit =>
        {
            var env = new TimeLimit<float[], int>(new CountingEnv(), limit);
            var truncations = new List<bool>();
            for (var episode = 0; episode < 2; episode++)
            {
                env.Reset(seed: episode);
                truncations.AddRange(Enumerable.Range(0, limit).Select(_ => env.Step(1).Truncated));
            }
            var arrayTruncations = ArrayPathTruncations(new TimeLimit<float[], int>(new CountingEnv(), limit), limit);
            var expected = Enumerable.Range(0, 2).SelectMany(_ => Enumerable.Range(1, limit).Select(step => step == limit));
            return truncations.SequenceEqual(expected) && arrayTruncations.SequenceEqual(expected);
        });

    /// <summary>
    /// Episodes end by termination or by a TimeLimit truncation, whichever comes first; the recorded
    /// time (rounded to 1 µs) lies between 0 and the wall time measured around the whole episode.
    /// </summary>
    [Property]
    public Property RecordEpisodeStatistics_sums_equal_the_rewards_seen() =>
        Prop.ForAll(Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (length, limit, seed) =>
        {
            var env = new RecordEpisodeStatistics<float[], int>(new TimeLimit<float[], int>(new CountingEnv(terminateAfter: length), limit));
            var actions = new Rng(seed);
            var seen = 0.0;
            var wall = Stopwatch.StartNew();
            env.Reset(seed: seed);
            StepResult<float[]> step;
            do
            {
                step = env.Step(actions.NextInt(3));
                seen += step.Reward;
            }
            while (!step.Terminated && !step.Truncated);
            var wallSeconds = wall.Elapsed.TotalSeconds;
            var stats = (EpisodeStatistics)step.Info["episode"]!;
            var expectedLength = Math.Min(length, limit);
            return Math.Abs(stats.Return - seen) < 1e-9 && stats.Length == expectedLength
                && step.Truncated == (limit <= length) && step.Terminated == (length <= limit)
                && stats.Time >= 0 && stats.Time <= wallSeconds + 1e-6
                && env.ReturnQueue.Single() == stats.Return && env.LengthQueue.Single() == expectedLength && env.TimeQueue.Single() == stats.Time;
        });

    [Fact]
    public void RecordEpisodeStatistics_reports_on_the_array_path_without_a_dictionary()
    {
        var env = new RecordEpisodeStatistics<float[], int>(new CountingEnv(terminateAfter: 3));
        Assert.Equal(["count", "episode_r", "episode_l", "episode_t"], env.InfoKeys);
        var info = new InfoBuffer(env.InfoKeys);
        var observation = new float[3];
        env.ResetInto(5, observation, info);
        var rewards = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            rewards.Add(env.StepInto(2, observation, info).Reward);
            Assert.Equal(i == 2, info.TryGet("episode_r", out _));
        }
        Assert.True(info.TryGet("episode_r", out var episodeReturn));
        Assert.True(info.TryGet("episode_l", out var episodeLength));
        Assert.Equal(rewards.Sum(), episodeReturn, 12);
        Assert.Equal(3, episodeLength);
    }

    [Fact]
    public void Recent_values_keep_only_the_newest_in_order()
    {
        var values = new RecentValues(3);
        foreach (var v in new[] { 1.0, 2, 3, 4, 5 })
        {
            values.Add(v);
        }
        Assert.Equal([3.0, 4, 5], values);
    }

    private static List<bool> ArrayPathTruncations(TimeLimit<float[], int> env, int limit)
    {
        var observation = new float[3];
        var info = new InfoBuffer(env.InfoKeys);
        var truncations = new List<bool>();
        for (var episode = 0; episode < 2; episode++)
        {
            env.ResetInto(episode, observation, info);
            truncations.AddRange(Enumerable.Range(0, limit).Select(_ => env.StepInto(1, observation, info).Truncated));
        }
        return truncations;
    }
}
