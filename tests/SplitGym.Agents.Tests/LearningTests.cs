using SplitGym.Agents.Baselines;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using Xunit.Abstractions;

namespace SplitGym.Agents.Tests;

/// <summary>Each agent learns CartPole and the synthetic split env (case A, K = 1) well above random, with fixed seeds and small budgets.</summary>
public sealed class LearningTests(ITestOutputHelper output)
{
    private const double CartPoleRandomReturn = 22;

    [Fact]
    public void PpoLearnsCartPole() => AssertCartPole(new Ppo(TestEnvs.CartPole(8), Configs.Ppo, new TrainingOptions { Seed = 1 }), 30_000, 150);

    [Fact]
    public void A2cLearnsCartPole() => AssertCartPole(new A2c(TestEnvs.CartPole(8), Configs.A2c, new TrainingOptions { Seed = 1 }), 40_000, 3 * CartPoleRandomReturn);

    [Fact]
    public void DqnLearnsCartPole() => AssertCartPole(new Dqn(TestEnvs.CartPole(4), Configs.Dqn, new TrainingOptions { Seed = 1 }), 25_000, 3 * CartPoleRandomReturn);

    [Fact]
    public void PpoLearnsSplitEnv() => AssertSplit(new Ppo(TestEnvs.SplitVector(8), Configs.Ppo with { EntCoef = 0 }, new TrainingOptions { Seed = 2 }), 25_000);

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
    public void FixedSplitSitsBetweenRandomAndOracle()
    {
        var result = Evaluator.Evaluate(new FixedSplitAgent(6, 1), TestEnvs.Split(), 50, seed: 9);
        output.WriteLine($"fixed split 6: {result.NormalisedScore}");
        Assert.InRange(result.NormalisedScore!.Value, 0.0, 0.99);
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
            Assert.True(result.NormalisedScore >= 0.5, $"{agent.Name} scored {result.NormalisedScore} on the split env; expected ≥ 0.5 (random 0, oracle 1).");
        }
    }
}
