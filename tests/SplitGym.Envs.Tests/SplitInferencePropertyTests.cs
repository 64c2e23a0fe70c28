using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Tests;

/// <summary>Invariants of the environment over random seeds, action sizes and action sequences.</summary>
public class SplitInferencePropertyTests
{
    private static SplitInferenceEnv Env(int k, bool drift = false) => new(
        SyntheticTable.Backend(),
        new SplitInferenceOptions { MaxMove = k, Drift = drift ? new GaussMarkovDrift(0.8, 0.2) : null, EpisodeLength = 12 });

    private static int[] Actions(int[] raw, int k) => [.. raw.Select(a => Math.Abs(a % (2 * k + 1)))];

    [Property(MaxTest = 100)]
    public void SplitStaysInRangeAndMovesExactlyWhereNotClipped(int seed, PositiveInt kSeed, int[] raw, bool drift)
    {
        int k = kSeed.Get % 3 + 1;
        using var env = Env(k, drift);
        env.Reset(seed);
        foreach (int action in Actions(raw, k))
        {
            int before = env.Split;
            var step = env.Step(action);
            int wanted = before + action - k;
            Assert.InRange(env.Split, 1, SyntheticTable.Layers - 1);
            Assert.Equal(Math.Clamp(wanted, 1, SyntheticTable.Layers - 1), env.Split);
            if (action == k) Assert.Equal(before, env.Split);
            Assert.True(env.ObservationSpace.Contains(step.Observation), $"Observation [{string.Join(", ", step.Observation)}] outside {env.ObservationSpace}.");
            Assert.True(double.IsFinite(step.Reward));
        }
    }

    [Property(MaxTest = 60)]
    public void SameSeedSameTrajectory(int seed, int[] raw, bool drift)
    {
        var actions = Actions(raw, 2);
        static List<double> Run(SplitInferenceEnv env, int seed, int[] actions)
        {
            var trace = new List<double>();
            var reset = env.Reset(seed);
            trace.AddRange(reset.Observation.Select(v => (double)v));
            foreach (int action in actions)
            {
                var step = env.Step(action);
                trace.Add(step.Reward);
                trace.AddRange(step.Observation.Select(v => (double)v));
                trace.Add((double)step.Info[SplitInferenceInfo.Perplexity]!);
            }
            return trace;
        }
        using var first = Env(2, drift);
        using var second = Env(2, drift);
        Assert.Equal(Run(first, seed, actions), Run(second, seed, actions));
        Assert.Equal(Run(first, seed, actions), Run(first, seed, actions));
    }

    [Property(MaxTest = 100)]
    public void OracleRewardIsNeverBeatenAndRegretIsZeroExactlyOnTheOracleSplit(int seed, int[] raw, bool drift)
    {
        using var env = Env(1, drift);
        env.Reset(seed);
        foreach (int action in Actions(raw, 1))
        {
            int oracle = env.OracleSplit;
            double best = env.ExpectedRewardBySplit[oracle - 1];
            foreach (double reward in env.ExpectedRewardBySplit) Assert.True(reward <= best);
            var step = env.Step(action);
            double regret = (double)step.Info[SplitInferenceInfo.Regret]!;
            Assert.True(regret >= 0);
            Assert.Equal(env.Split == oracle, regret == 0 || env.ExpectedRewardBySplit[env.Split - 1] == best);
            Assert.Equal(oracle, (int)(double)step.Info[SplitInferenceInfo.OracleSplit]!);
        }
    }

    [Property(MaxTest = 60)]
    public void NoPolicyBeatsThePlanningOracleInExpectation(int seed, int[] raw)
    {
        using var env = Env(1);
        env.Reset(seed);
        double agent = 0, oracle = 0, random = 0;
        var actions = Actions(raw, 1);
        for (int t = 0; t < 12; t++)
        {
            var step = env.Step(actions.Length == 0 ? 1 : actions[t % actions.Length]);
            agent += (double)step.Info[SplitInferenceInfo.ExpectedReward]!;
            oracle += (double)step.Info[SplitInferenceInfo.OracleStepReward]!;
            random += (double)step.Info[SplitInferenceInfo.RandomStepReward]!;
        }
        Assert.True(agent <= oracle + 1e-9, $"Agent {agent} beat the oracle {oracle}.");
        Assert.True(random <= oracle + 1e-9, $"Random {random} beat the oracle {oracle}.");
    }
}
