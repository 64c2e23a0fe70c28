using SplitGym.Agents.Checkpoints;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;

namespace SplitGym.Agents.Tests;

/// <summary>Damaged or mismatched checkpoints fail with a clear message naming what is wrong.</summary>
public sealed class BrokenCheckpointTests : TempFolderTest
{
    private readonly string _checkpoint;

    public BrokenCheckpointTests()
    {
        _checkpoint = Path.Combine(Folder, "ppo");
        using var agent = AgentFactory.Split("PPO", seed: 1);
        agent.Learn(200);
        agent.Save(_checkpoint);
    }

    private static string LoadError(Algorithm agent, string path)
    {
        using (agent) return Assert.Throws<InvalidDataException>(() => agent.Load(path)).Message;
    }

    [Fact]
    public void MissingFolderIsReported() =>
        Assert.Contains("No agent checkpoint folder", LoadError(AgentFactory.Split("PPO", 1), Path.Combine(Folder, "nothing")));

    [Fact]
    public void MissingManifestIsReported()
    {
        File.Delete(Path.Combine(_checkpoint, AgentCheckpoint.ManifestFile));
        Assert.Contains("has no agent.json", LoadError(AgentFactory.Split("PPO", 1), _checkpoint));
    }

    [Fact]
    public void TruncatedManifestIsReported()
    {
        var manifest = Path.Combine(_checkpoint, AgentCheckpoint.ManifestFile);
        File.WriteAllText(manifest, File.ReadAllText(manifest)[..100]);
        Assert.Contains("not a valid agent manifest", LoadError(AgentFactory.Split("PPO", 1), _checkpoint));
    }

    [Theory]
    [InlineData(AgentCheckpoint.WeightsFile)]
    [InlineData(AgentCheckpoint.OptimizerFile)]
    public void FlippedByteIsReportedAsCorruption(string file)
    {
        var path = Path.Combine(_checkpoint, file);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var message = LoadError(AgentFactory.Split("PPO", 1), _checkpoint);
        Assert.Contains("corrupted", message);
        Assert.Contains(file, message);
    }

    [Fact]
    public void OtherAlgorithmIsRejected() =>
        Assert.Contains("is a PPO agent; it cannot be loaded into a A2C agent", LoadError(AgentFactory.Split("A2C", 1), _checkpoint));

    [Fact]
    public void OtherHyperparametersAreRejected()
    {
        var agent = new Ppo(TestEnvs.SplitVector(4), Configs.PpoTiny with { NSteps = 64 }, new TrainingOptions());
        var message = LoadError(agent, _checkpoint);
        Assert.Contains("different hyperparameters", message);
        Assert.Contains("NSteps: checkpoint 32, agent 64", message);
    }

    [Fact]
    public void OtherObservationSpaceIsRejected() =>
        Assert.Contains("observation space", LoadError(AgentFactory.CartPole("PPO", 1), _checkpoint));

    [Fact]
    public void OtherActionSpaceIsRejectedNamingBoth()
    {
        var message = LoadError(new Ppo(TestEnvs.SplitVector(4, maxMove: 2), Configs.PpoTiny, new TrainingOptions()), _checkpoint);
        Assert.Contains("was made for action space {\"type\":\"Discrete\",\"n\":3,\"start\":0}, but this agent's env has {\"type\":\"Discrete\",\"n\":5,\"start\":0}", message);
    }

    [Fact]
    public void OtherNumberOfSubEnvsIsRejected() =>
        Assert.Contains("4 sub-envs; this vector env has 2", LoadError(AgentFactory.Split("PPO", 1, numEnvs: 2), _checkpoint));

    [Fact]
    public void InterruptedSaveFallsBackToThePreviousCheckpoint()
    {
        Directory.Move(_checkpoint, _checkpoint + ".old");
        using var agent = AgentFactory.Split("PPO", 1);
        agent.Load(_checkpoint);
        Assert.Equal(256, agent.NumTimesteps);
    }
}
