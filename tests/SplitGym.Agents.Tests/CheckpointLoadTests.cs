using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SplitGym.Agents.Checkpoints;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.Training;

namespace SplitGym.Agents.Tests;

/// <summary>
/// Loading is all or nothing: a checkpoint that fails any check — even one found only while replaying the
/// env, after the optimizer state was loaded — leaves the agent exactly as it was (it then trains on as if
/// the load had never been tried). The DQN replay buffer and the format and package versions are checked.
/// </summary>
public sealed class CheckpointLoadTests : TempFolderTest
{
    private static Dqn NewDqn(int seed, int bufferSize = 1_000) =>
        new(TestEnvs.SplitVector(2), Configs.DqnTiny with { BufferSize = bufferSize }, new TrainingOptions { Seed = seed, LogInterval = 1 });

    private string SavedDqn(string name, int bufferSize = 1_000)
    {
        var path = Path.Combine(Folder, name);
        using var agent = NewDqn(seed: 6, bufferSize);
        agent.Learn(300);
        agent.Save(path);
        return path;
    }

    private static string LoadError(IAgent agent, string path) => Assert.Throws<InvalidDataException>(() => agent.Load(path)).Message;

    private static void EditManifest(string checkpoint, Action<JsonNode> edit)
    {
        var path = Path.Combine(checkpoint, AgentCheckpoint.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    /// <summary>Trains two twins from <paramref name="create"/>, tries the bad load on one only, and checks both continue identically.</summary>
    private static void AssertFailedLoadChangesNothing(Func<Algorithm> create, string checkpoint, string expectedMessage)
    {
        using var attempted = create();
        using var untouched = create();
        attempted.Learn(200);
        untouched.Learn(200);
        Assert.Contains(expectedMessage, LoadError(attempted, checkpoint));
        Assert.Equal(untouched.NumTimesteps, attempted.NumTimesteps);
        AgentFactory.AssertSameWeights(untouched, attempted);
        attempted.Learn(600);
        untouched.Learn(600);
        AgentFactory.AssertSameWeights(untouched, attempted);
        Assert.Equal(AgentFactory.Curve(untouched), AgentFactory.Curve(attempted));
    }

    [Fact]
    public void MissingReplayBufferIsReportedByName()
    {
        var checkpoint = SavedDqn("dqn");
        File.Delete(Path.Combine(checkpoint, OffPolicyAlgorithm.ReplayBufferFile));
        using var agent = NewDqn(seed: 1);
        var message = LoadError(agent, checkpoint);
        Assert.Contains($"{OffPolicyAlgorithm.ReplayBufferFile}' listed in agent.json is missing", message);
    }

    [Fact]
    public void ReplayBufferNeitherPresentNorListedIsReported()
    {
        var checkpoint = SavedDqn("dqn");
        File.Delete(Path.Combine(checkpoint, OffPolicyAlgorithm.ReplayBufferFile));
        EditManifest(checkpoint, m => m["Files"]!.AsObject().Remove(OffPolicyAlgorithm.ReplayBufferFile));
        using var agent = NewDqn(seed: 1);
        Assert.Contains($"has no {OffPolicyAlgorithm.ReplayBufferFile}; an off-policy agent needs its replay buffer", LoadError(agent, checkpoint));
    }

    [Fact]
    public void ReplayBufferOfAnotherCapacityIsRejectedNamingBothAndChangesNothing()
    {
        var checkpoint = SavedDqn("dqn");
        var other = SavedDqn("small", bufferSize: 500);
        var buffer = Path.Combine(checkpoint, OffPolicyAlgorithm.ReplayBufferFile);
        File.Copy(Path.Combine(other, OffPolicyAlgorithm.ReplayBufferFile), buffer, overwrite: true);
        EditManifest(checkpoint, m => m["Files"]![OffPolicyAlgorithm.ReplayBufferFile] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(buffer))));
        AssertFailedLoadChangesNothing(() => NewDqn(seed: 9), checkpoint, "holds a replay buffer of capacity 500 at position 300 with 300 transitions; this agent's buffer has capacity 1000");
    }

    [Theory]
    [MemberData(nameof(AgentFactory.Algorithms), MemberType = typeof(AgentFactory))]
    public void EnvReplayThatFailsAfterTheOptimizerLoadedChangesNothing(string algorithm)
    {
        var checkpoint = Path.Combine(Folder, algorithm);
        using (var saved = AgentFactory.Split(algorithm, seed: 6))
        {
            saved.Learn(300);
            saved.Save(checkpoint);
        }
        EditManifest(checkpoint, m =>
        {
            var observation = m["State"]!["Env"]!["SubEnvs"]![0]!["Observation"]!;
            observation[0] = (float)observation[0]! + 1;
        });
        AssertFailedLoadChangesNothing(() => AgentFactory.Split(algorithm, seed: 9), checkpoint, "Replaying sub-env 0");
    }

    [Fact]
    public void OtherFormatVersionIsRejectedNamingBothVersions()
    {
        var checkpoint = SavedDqn("dqn");
        EditManifest(checkpoint, m => m["FormatVersion"] = CheckpointManifest.CurrentVersion + 1);
        using var agent = NewDqn(seed: 1);
        var message = LoadError(agent, checkpoint);
        Assert.Contains($"has checkpoint format version {CheckpointManifest.CurrentVersion + 1}, written by SplitGym.Agents {PackageVersion()}", message);
        Assert.Contains($"reads format version {CheckpointManifest.CurrentVersion}", message);
    }

    [Fact]
    public void ManifestRecordsThePackageVersion()
    {
        var manifest = AgentCheckpoint.ReadManifest(SavedDqn("dqn"));
        Assert.Equal(PackageVersion(), manifest.Versions["SplitGym.Agents"]);
        Assert.Matches(@"^\d+\.\d+\.\d+", manifest.Versions["TorchSharp"]);
    }

    /// <summary>The &lt;Version&gt; of the repository's Directory.Build.props.</summary>
    private static string PackageVersion()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "Directory.Build.props"))) folder = folder.Parent;
        return XDocument.Load(Path.Combine(folder.FullName, "Directory.Build.props")).Descendants("Version").Single().Value;
    }
}
