using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.Training;
using TorchSharp;

namespace SplitGym.Agents.Tests;

/// <summary>
/// When DQN's loop acts on its networks, observed after every vector step (2 sub-envs): gradient steps only once
/// more than learning_starts env steps are collected and then every train_freq vector steps, and target updates
/// every ⌊target_update_interval / numEnvs⌋ vector steps, by τ.
/// </summary>
public sealed class DqnScheduleTests
{
    private const int NumEnvs = 2;
    private const int VectorSteps = 30;

    [Fact]
    public void GradientStepsStartAfterLearningStartsThenComeEveryTrainFreqVectorSteps()
    {
        var options = Options with { LearningStarts = 12, TrainFreq = 3, GradientSteps = 2, TargetUpdateInterval = 10_000 };
        var steps = Run(options);
        // Vector step k has collected 2k env steps: training needs 2k > 12 and k % 3 == 0, so it starts at k = 9, not 6.
        var expected = steps.Select(s => 2L * Enumerable.Range(1, s.VectorStep).Count(k => NumEnvs * k > 12 && k % 3 == 0));
        Assert.Equal(expected, steps.Select(s => s.Updates));
        for (int i = 1; i < steps.Count; i++)
        {
            bool trained = steps[i].Updates != steps[i - 1].Updates;
            Assert.True(trained != steps[i].Online.SequenceEqual(steps[i - 1].Online), $"Vector step {steps[i].VectorStep}: the online weights should change exactly when the update count does.");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.25)]
    public void TargetIsUpdatedByTauEveryIntervalOverNumEnvsVectorStepsAndOnlyThen(double tau)
    {
        // Interval 8 env steps with 2 envs: every 4th vector step, before that step's gradient step (train_freq 1).
        var steps = Run(Options with { Tau = tau, TargetUpdateInterval = 8 });
        for (int i = 1; i < steps.Count; i++)
        {
            var (before, now) = (steps[i - 1], steps[i]);
            Assert.False(now.Target.SequenceEqual(now.Online), $"Vector step {now.VectorStep}: the online network has trained since the last update.");
            if (now.VectorStep % 4 != 0)
            {
                Assert.True(now.Target.SequenceEqual(before.Target), $"Vector step {now.VectorStep}: the target network changed between updates.");
                continue;
            }
            var expected = before.Online.Zip(before.Target, (online, target) => tau * online + (1 - tau) * target).ToArray();
            if (tau == 1) Assert.True(now.Target.SequenceEqual(before.Online), $"Vector step {now.VectorStep}: the target is not an exact copy.");
            Assert.All(expected.Zip(now.Target), pair => Assert.Equal(pair.First, pair.Second, 1e-6));
        }
    }

    /// <summary>Small DQN settings that train at every vector step from the first on.</summary>
    private static DqnOptions Options => new() { BufferSize = 100, LearningStarts = 0, BatchSize = 4, TrainFreq = 1, LearningRate = 1e-2 };

    /// <summary>What the agent looks like after one vector step.</summary>
    private sealed record Observed(int VectorStep, long Updates, float[] Online, float[] Target);

    /// <summary>Learns <see cref="VectorSteps"/> vector steps on the split env and observes the agent after each.</summary>
    private static List<Observed> Run(DqnOptions options)
    {
        using var agent = new Dqn(TestEnvs.SplitVector(NumEnvs), options, new TrainingOptions { Seed = 4 });
        var probe = new Probe(agent);
        agent.Learn(NumEnvs * VectorSteps, [probe]);
        Assert.Equal(VectorSteps, probe.Steps.Count);
        return probe.Steps;
    }

    /// <summary>Records the update count and both networks' parameters at every boundary (one per vector step for DQN).</summary>
    private sealed class Probe(Dqn agent) : Callback
    {
        public List<Observed> Steps { get; } = [];

        public override bool OnBoundary(TrainingContext context)
        {
            Steps.Add(new Observed((int)(agent.NumTimesteps / NumEnvs), agent.Updates, Flat(agent.QNet), Flat(agent.TargetNet)));
            return true;
        }

        private static float[] Flat(torch.nn.Module module) => [.. module.parameters().SelectMany(p => p.data<float>().ToArray())];
    }
}
