using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.Training;
using static TorchSharp.torch;

namespace SplitGym.Agents.Tests;

/// <summary>DQN's TD loss is SB3's Huber loss (smooth L1, δ = 1) averaged over the batch.</summary>
public sealed class DqnLossTests
{
    /// <summary>TD errors on both sides of δ = 1 (quadratic part below, linear part above).</summary>
    private static readonly float[] Errors = [-2.5f, -0.3f, 0.2f, 1.7f, 0.9f, -1.2f];

    [Fact]
    public void LossIsTheMeanHuberLossOfTheTdErrors()
    {
        using var agent = new Dqn(TestEnvs.SplitVector(1), new DqnOptions { BufferSize = 10 }, new TrainingOptions { Seed = 6 });
        using var scope = NewDisposeScope();
        int batch = Errors.Length;
        using var generator = new Generator(8);
        var observations = rand([batch, 3], generator: generator) * tensor(new[] { 1f, 1f, 11f });
        var actions = tensor(Enumerable.Range(0, batch).Select(i => (long)(i % 3)).ToArray());
        float[] current;
        using (no_grad()) current = agent.QNet.forward(observations).gather(1, actions.unsqueeze(1)).squeeze(1).data<float>().ToArray();
        // Terminal transitions: the TD target is the reward, so reward = Q(s, a) − error gives exactly these errors.
        var rewards = tensor(current.Zip(Errors, (q, error) => q - error).ToArray());
        var terminals = ones(batch);

        double loss = agent.TdLoss(observations, actions, rewards, terminals, observations).item<float>();

        double expected = Errors.Average(error => Math.Abs(error) < 1 ? 0.5 * error * error : Math.Abs(error) - 0.5);
        Assert.Equal(expected, loss, 1e-5);
    }
}
