using FsCheck;
using FsCheck.Xunit;
using SplitGym.Agents.Baselines;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Tests.ModelBased;
using SplitGym.Agents.Training;

namespace SplitGym.Agents.Tests;

/// <summary>Every agent's <c>Predict</c> honours an action mask; the baselines take the allowed move nearest to their preferred one.</summary>
public sealed class ActionMaskTests(ActionMaskTests.Agents agents) : IClassFixture<ActionMaskTests.Agents>
{
    private const int MaxMove = 2;
    private const int ActionCount = 2 * MaxMove + 1;

    /// <summary>One untrained instance of every agent, on the synthetic split env with K = 2 (the model-based agent's env has K = 1).</summary>
    public sealed class Agents : IDisposable
    {
        private readonly SplitGym.Envs.SplitInferenceEnv _oracleEnv = TestEnvs.SplitRaw(MaxMove);

        public Agents()
        {
            _oracleEnv.Reset(seed: 0);
            var training = new TrainingOptions { Seed = 1 };
            All =
            [
                (new Ppo(TestEnvs.SplitVector(1, MaxMove), Configs.PpoTiny, training), ActionCount),
                (new A2c(TestEnvs.SplitVector(1, MaxMove), Configs.A2c, training), ActionCount),
                (new Dqn(TestEnvs.SplitVector(1, MaxMove), Configs.DqnTiny, training), ActionCount),
                (new RandomAgent(ActionCount, seed: 1), ActionCount),
                (new FixedSplitAgent(6, MaxMove), ActionCount),
                (new OracleAgent(_oracleEnv), ActionCount),
                (ModelBasedTestKit.Agent(ModelBasedTestKit.Small(24, 1_000), seed: 1), 3),
            ];
        }

        public List<(IAgent Agent, int ActionCount)> All { get; }

        public void Dispose()
        {
            foreach (var (agent, _) in All) agent.Dispose();
            _oracleEnv.Close();
        }
    }

    [Property]
    public bool NoAgentPredictsAMaskedAction(bool[] maskSeed, NormalFloat sigma, NormalFloat shape, PositiveInt split, bool deterministic)
    {
        float[] observation = [(float)(Math.Abs(sigma.Get) % 0.8), (float)(0.5 + Math.Abs(shape.Get) % 7.5), 1 + split.Get % 11];
        return agents.All.All(entry =>
        {
            var mask = Mask(maskSeed, entry.ActionCount, split.Get % 11);
            return mask[entry.Agent.Predict(observation, deterministic, mask)];
        });
    }

    [Property]
    public bool BaselineMoveIsTheAllowedOneNearestToThePreferredMove(bool[] maskSeed, PositiveInt current, PositiveInt target)
    {
        var mask = Mask(maskSeed, ActionCount, current.Get % 12 + target.Get % 12);
        int preferred = SplitMove.Towards(current.Get % 12, target.Get % 12, MaxMove);
        int chosen = SplitMove.Towards(current.Get % 12, target.Get % 12, MaxMove, mask);
        int nearest = Enumerable.Range(0, ActionCount).Where(a => mask[a]).Min(a => Math.Abs(a - preferred));
        return mask[chosen] && Math.Abs(chosen - preferred) == nearest;
    }

    [Fact]
    public void FixedSplitTakesTheLargestAllowedStepTowardsItsSplitAndBreaksTiesTowardsTheShallowerSplit()
    {
        var agent = new FixedSplitAgent(9, MaxMove);
        Assert.Equal(4, agent.Predict([0.1f, 1f, 5f]));
        Assert.Equal(3, agent.Predict([0.1f, 1f, 5f], actionMask: [true, true, false, true, false]));
        Assert.Equal(1, new FixedSplitAgent(5, MaxMove).Predict([0.1f, 1f, 5f], actionMask: [false, true, false, true, false]));
        Assert.Throws<ArgumentException>(() => agent.Predict([0.1f, 1f, 5f], actionMask: [true, true, true]));
    }

    /// <summary>A mask of <paramref name="count"/> entries from <paramref name="seed"/> (cycled), with at least one action allowed.</summary>
    private static bool[] Mask(bool[] seed, int count, int salt)
    {
        var mask = Enumerable.Range(0, count).Select(i => seed.Length > 0 && seed[(i + salt) % seed.Length]).ToArray();
        if (!mask.Contains(true)) mask[salt % count] = true;
        return mask;
    }
}
