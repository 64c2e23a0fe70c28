using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Rewards;

namespace SplitGym.Envs.Tests;

/// <summary>
/// Invariants of the environment over random seeds, action sizes K = 1..8, split bounds, reward forms,
/// drift and action sequences.
/// </summary>
public class SplitInferencePropertyTests
{
    /// <summary>An env configuration drawn from FsCheck's raw integers.</summary>
    private sealed record Setup(int K, int SplitMin, int SplitMax, RewardForm Form, bool Drift)
    {
        public static Setup From(PositiveInt k, NonNegativeInt low, NonNegativeInt width, NonNegativeInt form, bool drift)
        {
            int splitMin = 1 + low.Get % (SyntheticTable.Layers - 1);
            int splitMax = splitMin + width.Get % (SyntheticTable.Layers - splitMin);
            return new Setup(k.Get % 8 + 1, splitMin, splitMax, (RewardForm)(form.Get % 3), drift);
        }

        public SplitInferenceEnv Env() => new(SyntheticTable.Backend(), new SplitInferenceOptions
        {
            MaxMove = K, SplitMin = SplitMin, SplitMax = SplitMax, RewardForm = Form,
            Drift = Drift ? new GaussMarkovDrift(0.8, 0.2) : null, EpisodeLength = 12,
        });

        public int[] Actions(int[] raw) => [.. raw.Select(a => Math.Abs(a % (2 * K + 1)))];
    }

    /// <summary>Also: every step of the table backend reports exactly one live-equivalent evaluation.</summary>
    [Property(MaxTest = 150)]
    public void SplitStaysInRangeAndMovesExactlyWhereNotClipped(int seed, PositiveInt k, NonNegativeInt low, NonNegativeInt width, NonNegativeInt form, bool drift, int[] raw)
    {
        var setup = Setup.From(k, low, width, form, drift);
        using var env = setup.Env();
        var reset = env.Reset(seed);
        Assert.True(env.ObservationSpace.Contains(reset.Observation), $"Reset observation [{string.Join(", ", reset.Observation)}] outside {env.ObservationSpace}.");
        Assert.InRange(env.Split, setup.SplitMin, setup.SplitMax);
        foreach (int action in setup.Actions(raw))
        {
            int before = env.Split;
            var step = env.Step(action);
            Assert.Equal(Math.Clamp(before + action - setup.K, setup.SplitMin, setup.SplitMax), env.Split);
            if (action == setup.K) Assert.Equal(before, env.Split);
            Assert.True(env.ObservationSpace.Contains(step.Observation), $"Observation [{string.Join(", ", step.Observation)}] outside {env.ObservationSpace}.");
            Assert.True(double.IsFinite(step.Reward));
            Assert.Equal(1.0, (double)step.Info[SplitInferenceInfo.LiveEvaluations]!);
        }
    }

    [Property(MaxTest = 80)]
    public void SameSeedGivesTheSameObservationsRewardsAndEveryInfoValue(int seed, PositiveInt k, NonNegativeInt low, NonNegativeInt width, NonNegativeInt form, bool drift, int[] raw)
    {
        var setup = Setup.From(k, low, width, form, drift);
        var actions = setup.Actions(raw);
        static List<double> Run(SplitInferenceEnv env, int seed, int[] actions)
        {
            var trace = new List<double>();
            void Add(float[] observation, IReadOnlyDictionary<string, object?> info)
            {
                trace.AddRange(observation.Select(v => (double)v));
                trace.AddRange(SplitInferenceInfo.Keys.Select(key => info.TryGetValue(key, out var value) ? Convert.ToDouble(value) : double.NaN));
            }
            var reset = env.Reset(seed);
            Add(reset.Observation, reset.Info);
            foreach (int action in actions)
            {
                var step = env.Step(action);
                trace.Add(step.Reward);
                Add(step.Observation, step.Info);
            }
            return trace;
        }
        using var first = setup.Env();
        using var second = setup.Env();
        var expected = Run(first, seed, actions);
        Assert.Equal(expected, Run(second, seed, actions));
        Assert.Equal(expected, Run(first, seed, actions));
    }

    [Property(MaxTest = 120)]
    public void OracleRewardIsNeverBeatenAndRegretIsZeroExactlyOnTheOracleSplit(int seed, PositiveInt k, NonNegativeInt low, NonNegativeInt width, NonNegativeInt form, bool drift, int[] raw)
    {
        var setup = Setup.From(k, low, width, form, drift);
        using var env = setup.Env();
        env.Reset(seed);
        foreach (int action in setup.Actions(raw))
        {
            int oracle = env.OracleSplit;
            double best = env.ExpectedRewardBySplit[oracle - setup.SplitMin];
            foreach (double reward in env.ExpectedRewardBySplit) Assert.True(reward <= best);
            var step = env.Step(action);
            double regret = (double)step.Info[SplitInferenceInfo.Regret]!;
            Assert.True(regret >= 0);
            bool tiesTheOracle = env.Split == oracle || (double)step.Info[SplitInferenceInfo.ExpectedReward]! == best;
            Assert.Equal(tiesTheOracle, regret == 0);
            Assert.Equal(oracle, (int)(double)step.Info[SplitInferenceInfo.OracleSplit]!);
            Assert.Equal(best, (double)step.Info[SplitInferenceInfo.OracleReward]!);
        }
    }

    /// <summary>Without drift, the oracle's summed step rewards are the optimal return planned at reset, which no policy beats.</summary>
    [Property(MaxTest = 80)]
    public void NoPolicyBeatsThePlanningOracleInExpectation(int seed, PositiveInt k, NonNegativeInt low, NonNegativeInt width, NonNegativeInt form, int[] raw)
    {
        var setup = Setup.From(k, low, width, form, drift: false);
        using var env = setup.Env();
        env.Reset(seed);
        double planned = env.OptimalReturn;
        double agent = 0, oracle = 0, random = 0;
        var actions = setup.Actions(raw);
        for (int t = 0; t < 12; t++)
        {
            var step = env.Step(actions.Length == 0 ? setup.K : actions[t % actions.Length]);
            agent += (double)step.Info[SplitInferenceInfo.ExpectedReward]!;
            oracle += (double)step.Info[SplitInferenceInfo.OracleStepReward]!;
            random += (double)step.Info[SplitInferenceInfo.RandomStepReward]!;
        }
        Assert.True(agent <= oracle + 1e-9, $"Agent {agent} beat the oracle {oracle}.");
        Assert.True(random <= oracle + 1e-9, $"Random {random} beat the oracle {oracle}.");
        Assert.Equal(planned, oracle, 1e-9);
    }
}
