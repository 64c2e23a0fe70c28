using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Tests.TestEnvs;
using SplitGym.Core.Vector;
using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Tests.Vector;

/// <summary>
/// Sync and async vector envs against <see cref="AutoresetReference"/>: random sub-env counts,
/// episode lengths (termination), TimeLimit truncations and action sequences; every observation,
/// reward, flag and info value must match, plus the final observation and info in SameStep and
/// which steps are reset steps in NextStep, and in Disabled that stepping an ended sub-env that was
/// not reset is refused.
/// </summary>
public sealed class AutoresetPropertyTests
{
    private const int Steps = 40;

    [Property(MaxTest = 40)]
    public Property NextStep_matches_single_envs_stepped_by_hand() => MatchesReference(AutoresetMode.NextStep);

    [Property(MaxTest = 40)]
    public Property SameStep_matches_single_envs_stepped_by_hand() => MatchesReference(AutoresetMode.SameStep);

    [Property(MaxTest = 40)]
    public Property Disabled_matches_single_envs_stepped_by_hand() => MatchesReference(AutoresetMode.Disabled);

    private static Property MatchesReference(AutoresetMode mode) =>
        Prop.ForAll(Scenarios, scenario =>
        {
            using var sync = new SyncVectorEnv(scenario.ArrayEnvs(), mode);
            Run(sync, scenario);
            using var parallel = new AsyncVectorEnv(scenario.ArrayEnvs(), mode, workers: 3);
            Run(parallel, scenario);
        });

    private static Arbitrary<Scenario> Scenarios =>
        (from numEnvs in Gen.Choose(1, 5)
         from episodes in (from terminateAfter in Gen.Choose(1, 8) from limit in Gen.Choose(1, 8) select new SubEnv(terminateAfter, limit)).ArrayOf(numEnvs)
         from seed in Gen.Choose(0, 100_000)
         select new Scenario(seed, episodes)).ToArbitrary();

    /// <summary>Drives <paramref name="vector"/> and a fresh reference with the same seeds and actions; in Disabled mode, resets the ended sub-envs after each step (see <see cref="ResetEnded"/>).</summary>
    private static void Run(VectorEnv vector, Scenario scenario)
    {
        var reference = new AutoresetReference(scenario.SingleEnvs(), vector.Autoreset);
        var random = new Rng(scenario.Seed);
        var actions = new int[vector.NumEnvs];
        vector.Reset(scenario.Seed);
        AssertMatches(vector, reference.Reset(scenario.Seed), "after the first reset", stepped: false);
        for (var t = 1; t <= Steps; t++)
        {
            for (var i = 0; i < actions.Length; i++)
            {
                actions[i] = random.NextInt(3);
            }
            vector.Step(actions);
            AssertMatches(vector, reference.Step(actions), $"{vector.GetType().Name} step {t}", stepped: true);
            if (vector.Autoreset == AutoresetMode.Disabled && reference.Ended.Any(e => e))
            {
                ResetEnded(vector, reference, random, actions, $"{vector.GetType().Name} after step {t}");
            }
        }
    }

    /// <summary>
    /// Resets a random subset of the ended sub-envs; if some are left, the next step must be refused
    /// naming exactly those and leave every row as it was; then resets the rest.
    /// </summary>
    private static void ResetEnded(VectorEnv vector, AutoresetReference reference, Rng random, int[] actions, string when)
    {
        bool[] some = [.. reference.Ended.Select(e => e && random.NextInt(2) == 1)];
        vector.Reset(mask: some);
        AssertMatches(vector, reference.Reset(some), $"{when}, masked reset", stepped: false);
        bool[] rest = [.. reference.Ended];
        if (!rest.Any(e => e))
        {
            return;
        }
        var error = Assert.Throws<ResetNeededException>(() => vector.Step(actions));
        Assert.StartsWith($"Sub-env(s) [{string.Join(", ", Enumerable.Range(0, rest.Length).Where(i => rest[i]))}] ended their episode", error.Message);
        vector.Reset(mask: rest);
        AssertMatches(vector, reference.Reset(rest), $"{when}, reset of the rest after the refused step", stepped: false);
    }

    private static void AssertMatches(VectorEnv vector, ExpectedRow[] expected, string when, bool stepped)
    {
        var length = vector.ObservationLength;
        for (var i = 0; i < expected.Length; i++)
        {
            var row = expected[i];
            var where = $"{when}, sub-env {i}";
            Assert.True(row.Observation.AsSpan().SequenceEqual(vector.Observations.AsSpan(i * length, length)), $"{where}: observation [{string.Join(", ", vector.Observations.AsSpan(i * length, length).ToArray())}], expected [{string.Join(", ", row.Observation)}]");
            AssertCount(vector.Infos, i, row.Count, $"{where}: info");
            if (!stepped)
            {
                continue;
            }
            Assert.True((row.Reward, row.Terminated, row.Truncated) == (vector.Rewards[i], vector.Terminations[i], vector.Truncations[i]),
                $"{where}: (reward, terminated, truncated) = ({vector.Rewards[i]}, {vector.Terminations[i]}, {vector.Truncations[i]}), expected ({row.Reward}, {row.Terminated}, {row.Truncated})");
            if (vector.Autoreset == AutoresetMode.NextStep)
            {
                Assert.True(row.IsResetStep == (vector.Observations[(i * length) + 1] == -1f), $"{where}: expected a {(row.IsResetStep ? "reset" : "normal")} step");
            }
            if (vector.Autoreset == AutoresetMode.SameStep)
            {
                Assert.True(vector.HasFinalObservation[i] == row.FinalObservation is not null, $"{where}: HasFinalObservation is {vector.HasFinalObservation[i]}");
                Assert.True(row.FinalObservation is null || row.FinalObservation.AsSpan().SequenceEqual(vector.FinalObservations.AsSpan(i * length, length)), $"{where}: final observation");
                AssertCount(vector.FinalInfos, i, row.FinalCount, $"{where}: final info");
            }
        }
    }

    private static void AssertCount(VectorInfo infos, int i, double? expected, string where)
    {
        var present = infos.Mask("count")[i];
        Assert.True(present == expected.HasValue && (!present || infos.Values("count")[i] == expected), $"{where}: count {(present ? infos.Values("count")[i] : "absent")}, expected {expected?.ToString() ?? "absent"}");
    }

    /// <summary>A sub-env that terminates after <paramref name="TerminateAfter"/> steps and is truncated by TimeLimit after <paramref name="Limit"/>.</summary>
    public sealed record SubEnv(int TerminateAfter, int Limit)
    {
        public TimeLimit<float[], int> Create() => new(new CountingEnv(TerminateAfter), Limit);
    }

    /// <summary>The sub-envs of one test case and the seed of its resets and actions.</summary>
    public sealed record Scenario(int Seed, SubEnv[] Envs)
    {
        public List<IArrayEnv> ArrayEnvs() => [.. Envs.Select(e => (IArrayEnv)e.Create())];

        public List<Env<float[], int>> SingleEnvs() => [.. Envs.Select(e => (Env<float[], int>)e.Create())];

        public override string ToString() => $"seed {Seed}, sub-envs (terminate after, time limit): {string.Join(" ", Envs.Select(e => $"({e.TerminateAfter}, {e.Limit})"))}";
    }
}
