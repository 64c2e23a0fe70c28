using SplitGym.Agents.Baselines;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using Xunit.Abstractions;

namespace SplitGym.Agents.Tests;

/// <summary>
/// Each agent learns CartPole and the synthetic split env (case A, K = 1) well above random, with fixed seeds and
/// small budgets. The runs are bit-for-bit deterministic on CPU; the bars sit below the measured values with margin
/// (CartPole: PPO 500, A2C 246, DQN 127.2; split env: PPO 0.976, from a single env 0.972, A2C 0.991, DQN 0.996). On the synthetic table the
/// fixed splits score from −1.79 (layer 1) through 0.58 (layer 6) to 0.977 (layer 11): the deepest split is nearly
/// optimal, so the split-env bar shows a learner finds the good region from random actions (above random, the
/// middle split and 8 of the 11 fixed splits), not that it beats always-deepest by adapting to the channel.
/// </summary>
public sealed class LearningTests(ITestOutputHelper output)
{
    private const double CartPoleRandomReturn = 22;

    /// <summary>Normalised score every learner must reach on the split env (random 0, oracle 1).</summary>
    private const double SplitBar = 0.9;

    [Fact]
    public void PpoLearnsCartPole() => AssertCartPole(new Ppo(TestEnvs.CartPole(8), Configs.Ppo, new TrainingOptions { Seed = 1 }), 30_000, 400);

    [Fact]
    public void A2cLearnsCartPole() => AssertCartPole(new A2c(TestEnvs.CartPole(8), Configs.A2c, new TrainingOptions { Seed = 1 }), 40_000, 180);

    [Fact]
    public void DqnLearnsCartPole() => AssertCartPole(new Dqn(TestEnvs.CartPole(4), Configs.Dqn, new TrainingOptions { Seed = 1 }), 25_000, 100);

    [Fact]
    public void PpoLearnsSplitEnv() => AssertSplit(new Ppo(TestEnvs.SplitVector(8), Configs.Ppo with { EntCoef = 0 }, new TrainingOptions { Seed = 2 }), 25_000);

    [Fact]
    public void PpoLearnsSplitEnvFromASingleEnv() =>
        AssertSplit(new Ppo(AgentEnvs.Of(TestEnvs.Split()), Configs.Ppo with { EntCoef = 0, NSteps = 512, BatchSize = 128 }, new TrainingOptions { Seed = 2 }), 12_288);

    [Fact]
    public void A2cLearnsSplitEnv() => AssertSplit(new A2c(TestEnvs.SplitVector(8), Configs.A2c, new TrainingOptions { Seed = 2 }), 25_000);

    [Fact]
    public void DqnLearnsSplitEnv() => AssertSplit(new Dqn(TestEnvs.SplitVector(4), Configs.Dqn, new TrainingOptions { Seed = 2 }), 20_000);

    [Fact]
    public void RandomBaselineScoresZeroAndOracleOne()
    {
        var env = TestEnvs.SplitRaw();
        var random = Evaluator.Evaluate(new RandomAgent(3, seed: 4), new Core.Wrappers.TimeLimit<float[], int>(TestEnvs.SplitRaw(), TestEnvs.SplitEpisodeLength), 200, seed: 9);
        var oracle = Evaluator.Evaluate(new OracleAgent(env), new Core.Wrappers.TimeLimit<float[], int>(env, TestEnvs.SplitEpisodeLength), 50, seed: 9);
        output.WriteLine($"random {random.NormalisedScore}, oracle {oracle.NormalisedScore} (regret {oracle.MeanRegret})");
        Assert.InRange(random.NormalisedScore!.Value, -0.1, 0.1);
        Assert.InRange(oracle.NormalisedScore!.Value, 0.99, 1.0 + 1e-9);
    }

    [Fact]
    public void NoFixedSplitReachesTheOracleAndTheMiddleOneStaysFarBelowTheLearningBar()
    {
        var scores = Enumerable.Range(1, TestEnvs.SplitEpisodeLength - 1)
            .Select(split => Evaluator.Evaluate(new FixedSplitAgent(split, 1), TestEnvs.Split(), 50, seed: 9).NormalisedScore!.Value).ToList();
        output.WriteLine($"fixed splits 1..11: {string.Join(", ", scores.Select(s => s.ToString("F3")))}");
        Assert.InRange(scores.Max(), 0.0, 0.99);
        Assert.InRange(scores[6 - 1], 0.0, SplitBar - 0.2);
    }

    private void AssertCartPole(Algorithm agent, long steps, double threshold)
    {
        using (agent)
        {
            agent.Learn(steps);
            var result = Evaluator.Evaluate(agent, TestEnvs.CartPoleSingle(), 5, seed: 100);
            output.WriteLine($"{agent.Name} CartPole after {steps}: mean return {result.MeanReturn}");
            Assert.True(result.MeanReturn >= threshold, $"{agent.Name} reached {result.MeanReturn} on CartPole; expected ≥ {threshold} (random ≈ {CartPoleRandomReturn}).");
        }
    }

    private void AssertSplit(Algorithm agent, long steps)
    {
        using (agent)
        {
            agent.Learn(steps);
            var result = Evaluator.Evaluate(agent, TestEnvs.Split(), 30, seed: 100);
            output.WriteLine($"{agent.Name} split env after {steps}: score {result.NormalisedScore}, regret {result.MeanRegret}");
            Assert.True(result.NormalisedScore >= SplitBar, $"{agent.Name} scored {result.NormalisedScore} on the split env; expected ≥ {SplitBar} (random 0, best fixed split 0.58, oracle 1).");
        }
    }
}
