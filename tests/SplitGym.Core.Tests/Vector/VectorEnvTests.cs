using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Classic;
using SplitGym.Core.Tests.TestEnvs;
using SplitGym.Core.Vector;
using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Tests.Vector;

public sealed class VectorEnvTests
{
    private const int CountKey = 0;

    [Property(MaxTest = 15)]
    public Property Sync_and_async_report_identical_results_for_the_same_seed() =>
        Prop.ForAll(
            Gen.Choose(1, 6).ToArbitrary(),
            Gen.Elements(AutoresetMode.NextStep, AutoresetMode.SameStep, AutoresetMode.Disabled).ToArbitrary(),
            Gen.Choose(0, 100_000).ToArbitrary(),
            (numEnvs, mode, seed) =>
            {
                using var sync = new SyncVectorEnv(Envs(numEnvs, seed), mode);
                using var parallel = new AsyncVectorEnv(Envs(numEnvs, seed), mode, workers: 3);
                return VectorTrace.Run(sync, seed, 25).Lines.SequenceEqual(VectorTrace.Run(parallel, seed, 25).Lines);
            });

    [Fact]
    public void Sub_env_i_is_seeded_with_seed_plus_i()
    {
        using var vector = new SyncVectorEnv([new CartPoleEnv(), new CartPoleEnv(), new CartPoleEnv()]);
        vector.Reset(seed: 40);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(new CartPoleEnv().Reset(seed: 40 + i).Observation, vector.Observations.AsSpan(i * 4, 4).ToArray());
        }
    }

    [Fact]
    public void NextStep_returns_the_final_observation_then_resets_on_the_following_step()
    {
        using var vector = new SyncVectorEnv([new CountingEnv(terminateAfter: 2), new CountingEnv(terminateAfter: 5)]);
        vector.Reset(seed: 1);
        vector.Step([1, 1]);
        var ended = vector.Step([1, 1]);
        Assert.Equal([true, false], ended.Terminations);
        Assert.Equal(2f, ended.Observations[0]);
        var afterReset = vector.Step([2, 2]);
        Assert.Equal([false, false], afterReset.Terminations);
        Assert.Equal(0.0, afterReset.Rewards[0]);
        Assert.Equal([0f, -1f], afterReset.Observations[..2]);
        Assert.Equal(3f, afterReset.Observations[3]);
        Assert.Equal([0.0, 3.0], afterReset.Infos.Values("count"));
        Assert.Equal([true, true], afterReset.Infos.Mask("count"));
        Assert.Equal(1f, vector.Step([1, 1]).Observations[0]);
    }

    [Fact]
    public void SameStep_resets_at_once_and_keeps_the_final_observation_and_info()
    {
        using var vector = new SyncVectorEnv([new CountingEnv(terminateAfter: 2), new CountingEnv(terminateAfter: 5)], AutoresetMode.SameStep);
        vector.Reset(seed: 1);
        vector.Step([1, 1]);
        Assert.Equal([false, false], vector.HasFinalObservation);
        var ended = vector.Step([2, 1]);
        Assert.Equal([true, false], ended.Terminations);
        Assert.Equal([0f, -1f], ended.Observations[..2]);
        Assert.Equal([true, false], vector.HasFinalObservation);
        Assert.Equal([2f, 2f], vector.FinalObservations[..2]);
        Assert.Equal(2.0, vector.FinalInfos.Values("count")[0]);
        Assert.Equal([true, false], vector.FinalInfos.Mask("count"));
        Assert.Equal([0.0, 2.0], ended.Infos.Values("count"));
        Assert.Equal([false, false], vector.Step([1, 1]).Terminations);
        Assert.Equal([false, false], vector.HasFinalObservation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(new[] { false, true })]
    public void SameStep_final_observation_and_info_are_cleared_by_a_reset(bool[]? mask)
    {
        using var vector = new SyncVectorEnv([new CountingEnv(terminateAfter: 1), new CountingEnv(terminateAfter: 5)], AutoresetMode.SameStep);
        vector.Reset(seed: 1);
        vector.Step([1, 1]);
        Assert.Equal([true, false], vector.HasFinalObservation);
        vector.Reset(mask: mask);
        Assert.Equal([false, false], vector.HasFinalObservation);
        Assert.All(vector.FinalObservations, value => Assert.Equal(0f, value));
        Assert.Equal([false, false], vector.FinalInfos.Mask("count"));
    }

    [Fact]
    public void Disabled_never_resets_by_itself_and_resets_only_masked_sub_envs()
    {
        var envs = new[] { new CountingEnv(terminateAfter: 1), new CountingEnv(terminateAfter: 2) };
        using var vector = new SyncVectorEnv(envs, AutoresetMode.Disabled);
        vector.Reset(seed: 1);
        var ended = vector.Step([0, 0]);
        Assert.Equal([true, false], ended.Terminations);
        var reset = vector.Reset(mask: [true, false]);
        Assert.Equal([0f, 1f], new[] { reset.Observations[0], reset.Observations[3] });
        Assert.Equal([true, false], reset.Infos.Mask(CountKey));
        Assert.Equal([2, 1], envs.Select(e => e.Resets));
        var next = vector.Step([0, 0]);
        Assert.Equal([1f, 2f], new[] { next.Observations[0], next.Observations[3] });
    }

    [Theory]
    [InlineData(VectorMode.Sync)]
    [InlineData(VectorMode.Async)]
    public void Disabled_refuses_to_step_an_ended_sub_env_until_it_is_reset(VectorMode mode)
    {
        var envs = new[] { new CountingEnv(terminateAfter: 1), new CountingEnv(terminateAfter: 5), new CountingEnv(terminateAfter: 1) };
        using VectorEnv vector = mode == VectorMode.Sync ? new SyncVectorEnv(envs, AutoresetMode.Disabled) : new AsyncVectorEnv(envs, AutoresetMode.Disabled, workers: 2);
        vector.Reset(seed: 1);
        vector.Step([0, 0, 0]);
        var observations = vector.Observations.ToArray();
        var error = Assert.Throws<ResetNeededException>(() => vector.Step([0, 0, 0]));
        Assert.StartsWith("Sub-env(s) [0, 2] ended their episode and autoreset is disabled (AutoresetMode.Disabled); reset them with Reset(mask: m)", error.Message);
        Assert.Equal(observations, vector.Observations);
        vector.Reset(mask: [true, false, false]);
        Assert.Contains("Sub-env(s) [2] ended", Assert.Throws<ResetNeededException>(() => vector.Step([0, 0, 0])).Message);
        vector.Reset(mask: [false, false, true]);
        var stepped = vector.Step([0, 0, 0]);
        Assert.Equal([true, false, true], stepped.Terminations);
        Assert.Equal(2f, stepped.Observations[3]);
    }

    [Fact]
    public void Errors_name_the_expected_sizes_and_worker_exceptions_reach_the_caller()
    {
        using var vector = new AsyncVectorEnv([new CountingEnv(), new CountingEnv()], workers: 2);
        vector.Reset(seed: 0);
        Assert.Contains("Expected 2 actions (one per sub-env), got 1", Assert.Throws<ArgumentException>(() => vector.Step([0])).Message);
        Assert.Contains("Action 7 is not in the action space Discrete(3)", Assert.Throws<ArgumentOutOfRangeException>(() => vector.Step([0, 7])).Message);
        Assert.Contains("reset mask of length 2", Assert.Throws<ArgumentException>(() => vector.Reset(mask: [true])).Message);
        vector.Close();
        vector.Close();
        Assert.Throws<ObjectDisposedException>(() => vector.Step([0, 0]));
        Assert.Contains("share spaces", Assert.Throws<ArgumentException>(() => new SyncVectorEnv([new CountingEnv(), new CartPoleEnv()])).Message);
    }

    private static List<IArrayEnv> Envs(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => (IArrayEnv)new RecordEpisodeStatistics<float[], int>(
            new TimeLimit<float[], int>(new CountingEnv(terminateAfter: 3 + (seed + i) % 5), 4 + i)))];
}
