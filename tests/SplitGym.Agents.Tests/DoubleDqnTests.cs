using FsCheck;
using FsCheck.Xunit;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.Training;
using static TorchSharp.torch;

namespace SplitGym.Agents.Tests;

/// <summary>Double DQN's TD target: the online network chooses the next action, the target network values it.</summary>
public sealed class DoubleDqnTests
{
    private const int Rows = 32;
    private const double Gamma = 0.9;

    [Property]
    public bool BootstrapValueIsTheTargetValueAtTheOnlineArgmax(NormalFloat[] targetSeed, NormalFloat[] onlineSeed)
    {
        const int actions = 3;
        int rows = Math.Min(targetSeed.Length, onlineSeed.Length) / actions;
        if (rows == 0) return true;
        float[] target = [.. targetSeed.Take(rows * actions).Select(v => (float)(v.Get % 100))];
        float[] online = [.. onlineSeed.Take(rows * actions).Select(v => (float)(v.Get % 100))];
        using var scope = NewDisposeScope();
        var doubled = Dqn.BootstrapValues(tensor(target, [rows, actions]), tensor(online, [rows, actions])).data<float>().ToArray();
        var vanilla = Dqn.BootstrapValues(tensor(target, [rows, actions]), null).data<float>().ToArray();
        return Enumerable.Range(0, rows).All(i =>
        {
            var targetRow = target.AsSpan(i * actions, actions);
            return doubled[i] == targetRow[ActionSelection.Argmax(online.AsSpan(i * actions, actions))] && vanilla[i] == targetRow.ToArray().Max();
        });
    }

    [Fact]
    public void DoubleDqnTargetMatchesADirectComputationAndDiffersFromVanillaWhereTheNetworksDisagree()
    {
        using var doubleDqn = DisagreeingAgent(doubleDqn: true);
        using var vanilla = DisagreeingAgent(doubleDqn: false);
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        var next = rand([Rows, 3], generator: generator) * tensor(new[] { 40f, 8f, 12f });
        var rewards = randn([Rows], generator: generator);
        var terminals = tensor(Enumerable.Range(0, Rows).Select(i => i % 4 == 0 ? 1f : 0f).ToArray());

        float[] online, target;
        using (no_grad())
        {
            online = doubleDqn.QNet.forward(next).data<float>().ToArray();
            target = doubleDqn.TargetNet.forward(next).data<float>().ToArray();
        }
        var r = rewards.data<float>().ToArray();
        var done = terminals.data<float>().ToArray();
        var doubled = doubleDqn.TdTargets(rewards, terminals, next).data<float>().ToArray();
        var plain = vanilla.TdTargets(rewards, terminals, next).data<float>().ToArray();
        int disagreements = 0;
        for (int i = 0; i < Rows; i++)
        {
            var targetRow = target.AsSpan(i * 3, 3);
            int chosen = ActionSelection.Argmax(online.AsSpan(i * 3, 3)), greedy = ActionSelection.Argmax(targetRow);
            Assert.Equal(r[i] + Gamma * (1 - done[i]) * targetRow[chosen], doubled[i], 5);
            Assert.Equal(r[i] + Gamma * (1 - done[i]) * targetRow[greedy], plain[i], 5);
            if (chosen != greedy && done[i] == 0)
            {
                disagreements++;
                Assert.True(doubled[i] < plain[i], $"Row {i}: the double target {doubled[i]} should be below the max-based {plain[i]}.");
            }
        }
        Assert.True(disagreements > 0, "The perturbed online network should disagree with the target network on some rows.");
    }

    /// <summary>A DQN whose online network is perturbed (same noise for both variants) away from its target network.</summary>
    private static Dqn DisagreeingAgent(bool doubleDqn)
    {
        var agent = new Dqn(TestEnvs.SplitVector(1), new DqnOptions { Gamma = Gamma, DoubleDqn = doubleDqn, BufferSize = 10 }, new TrainingOptions { Seed = 3 });
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = new Generator(5);
        foreach (var parameter in agent.QNet.parameters()) parameter.add_(randn(parameter.shape, generator: generator) * tensor(0.5f));
        return agent;
    }
}
