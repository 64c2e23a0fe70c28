using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using static TorchSharp.torch;

namespace SplitGym.Agents.Tests;

/// <summary>
/// Time-limit truncation is not termination: on-policy rollouts add γ·V(final observation) to the
/// truncating step's reward; the replay buffer stores truncations as non-terminal. Both use the episode's
/// final observation, not the next reset's. Checked on <see cref="EndingsEnv"/>, whose endings are known.
/// </summary>
public sealed class TruncationTests
{
    private const int Episodes = 3;
    private const int Steps = Episodes * EndingsEnv.EpisodeLength;

    [Fact]
    public void RolloutRewardOfATruncatedStepIsBootstrappedWithTheFinalObservationsValue()
    {
        var options = new PpoOptions { NSteps = Steps, BatchSize = Steps, NEpochs = 1 };
        using var agent = new Ppo(AgentEnvs.Of([new EndingsEnv()]), options, new TrainingOptions { Seed = 4 });
        // Collection uses the initial policy, so its critic is the one that bootstraps.
        float finalValue = Value(agent, [EndingsEnv.EpisodeLength, 0]);
        Assert.True(Math.Abs(finalValue - Value(agent, [0, 1])) > 1e-3, "The final and the reset observation must have distinguishable values.");
        agent.Learn(Steps);

        var rollout = agent.Rollout;
        for (int t = 0; t < Steps; t++)
        {
            float reward = 1 + rollout.Actions[t];
            bool ends = (t + 1) % EndingsEnv.EpisodeLength == 0;
            var (terminated, truncated) = ends ? EndingsEnv.EndingOf(t / EndingsEnv.EpisodeLength) : (false, false);
            float expected = truncated && !terminated ? reward + (float)options.Gamma * finalValue : reward;
            Assert.Equal(ends, rollout.Dones[t]);
            Assert.Equal(expected, rollout.Rewards[t], 5);
        }
    }

    [Fact]
    public void ReplayBufferStoresTerminationsAsDoneTruncationsAsNotAndTheFinalObservationAsNext()
    {
        var options = new DqnOptions { BufferSize = 100, LearningStarts = 1_000, BatchSize = 4 };
        using var agent = new Dqn(AgentEnvs.Of([new EndingsEnv()]), options, new TrainingOptions { Seed = 4 });
        agent.Learn(4 * Steps);

        Assert.Equal(4 * Steps, agent.Buffer.Count);
        var next = agent.Buffer.NextObservations;
        for (int t = 0; t < agent.Buffer.Count; t++)
        {
            int episode = t / EndingsEnv.EpisodeLength, step = t % EndingsEnv.EpisodeLength + 1;
            bool terminated = step == EndingsEnv.EpisodeLength && EndingsEnv.EndingOf(episode).Terminated;
            Assert.Equal(terminated ? 1f : 0f, agent.Buffer.Terminals[t]);
            Assert.Equal([step, episode], next.Slice(2 * t, 2).ToArray());
        }
    }

    private static float Value(Ppo agent, float[] observation)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return agent.Policy.Values(tensor(observation, [1, 2])).item<float>();
    }
}
