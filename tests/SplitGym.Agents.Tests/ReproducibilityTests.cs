using SplitGym.Agents.Checkpoints;
using SplitGym.Agents.Training;

namespace SplitGym.Agents.Tests;

/// <summary>Same seed ⇒ bit-identical learning; resuming from a checkpoint ⇒ the same result as an uninterrupted run.</summary>
public sealed class ReproducibilityTests : TempFolderTest
{

    [Theory]
    [MemberData(nameof(AgentFactory.Algorithms), MemberType = typeof(AgentFactory))]
    public void SameSeedGivesBitIdenticalLearningCurve(string algorithm)
    {
        using var first = AgentFactory.Split(algorithm, seed: 5);
        using var second = AgentFactory.Split(algorithm, seed: 5);
        first.Learn(3_000);
        second.Learn(3_000);
        Assert.NotEmpty(first.Logger.History);
        Assert.Equal(AgentFactory.Curve(first), AgentFactory.Curve(second));
        AgentFactory.AssertSameWeights(first, second);
    }

    [Fact]
    public void DifferentSeedsLearnDifferently()
    {
        using var first = AgentFactory.Split("PPO", seed: 5);
        using var second = AgentFactory.Split("PPO", seed: 6);
        first.Learn(1_000);
        second.Learn(1_000);
        Assert.NotEqual(AgentFactory.Curve(first), AgentFactory.Curve(second));
    }

    [Theory]
    [MemberData(nameof(AgentFactory.Algorithms), MemberType = typeof(AgentFactory))]
    public void ResumingFromACheckpointEqualsTheUninterruptedRun(string algorithm)
    {
        const long total = 3_000;
        var checkpoints = new CheckpointCallback(1_000, Path.Combine(Folder, algorithm));
        using var uninterrupted = AgentFactory.CartPole(algorithm, seed: 7);
        uninterrupted.Learn(total, [checkpoints]);
        var middle = checkpoints.Saved[1];

        using var resumed = AgentFactory.CartPole(algorithm, seed: 99);
        resumed.Load(middle);
        long resumedAt = resumed.NumTimesteps;
        Assert.InRange(resumedAt, 2_000, 2_500);
        resumed.Learn(total);

        Assert.Equal(uninterrupted.NumTimesteps, resumed.NumTimesteps);
        AgentFactory.AssertSameWeights(uninterrupted, resumed);
        var after = AgentFactory.Curve(uninterrupted).Where(line => long.Parse(line[..line.IndexOf(':')]) > resumedAt).ToList();
        Assert.Equal(after, AgentFactory.Curve(resumed));

        // The optimizer state that came from the checkpoint must still be alive: saving it again round-trips.
        var again = Path.Combine(Folder, algorithm + "-after-resume");
        resumed.Save(again);
        uninterrupted.Save(Path.Combine(Folder, algorithm + "-uninterrupted"));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(Folder, algorithm + "-uninterrupted", AgentCheckpoint.OptimizerFile)),
            File.ReadAllBytes(Path.Combine(again, AgentCheckpoint.OptimizerFile)));
    }

    [Theory]
    [MemberData(nameof(AgentFactory.Algorithms), MemberType = typeof(AgentFactory))]
    public void CheckpointRoundTripsWeightsAndPredictions(string algorithm)
    {
        using var trained = AgentFactory.Split(algorithm, seed: 3);
        trained.Learn(1_000);
        var path = Path.Combine(Folder, "round-trip-" + algorithm);
        trained.Save(path);
        trained.Save(path);
        using var loaded = AgentFactory.Split(algorithm, seed: 4);
        loaded.Load(path);
        AgentFactory.AssertSameWeights(trained, loaded);
        Assert.Equal(trained.NumTimesteps, loaded.NumTimesteps);
        var probe = TestEnvs.Split();
        var observation = probe.Reset(seed: 1).Observation;
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(trained.Predict(observation), loaded.Predict(observation));
            observation = probe.Step(trained.Predict(observation)).Observation;
        }
        Assert.False(Directory.Exists(path + ".old"));
        Assert.Empty(Directory.GetDirectories(Folder, "*.new-*"));
    }
}
