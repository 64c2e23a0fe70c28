using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.IO;
using static TorchSharp.torch;

namespace SplitGym.Agents.Checkpoints;

/// <summary>
/// Reads and writes agent checkpoint folders: <c>model.safetensors</c> (float32 weights, keys
/// <c>{network}.{parameter}</c>), <c>optimizer.bin</c> (TorchSharp optimizer state), any
/// algorithm files (the DQN replay buffer) and <c>agent.json</c> (<see cref="CheckpointManifest"/>).
/// </summary>
/// <remarks>
/// Atomic as a whole: the folder is written under a staging name, the previous checkpoint is renamed to
/// <c>{path}.old</c>, the staging folder renamed to <c>{path}</c>, and the old one deleted, so a crash
/// leaves either folder complete; loading falls back to <c>{path}.old</c> when <c>{path}</c> is missing.
/// </remarks>
public static class AgentCheckpoint
{
    /// <summary>The weights file.</summary>
    public const string WeightsFile = "model.safetensors";

    /// <summary>The optimizer state file.</summary>
    public const string OptimizerFile = "optimizer.bin";

    /// <summary>The manifest file.</summary>
    public const string ManifestFile = "agent.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the checkpoint of <paramref name="agent"/> to the folder <paramref name="path"/>.</summary>
    public static void Save(string path, Algorithm agent)
    {
        var target = Path.GetFullPath(path);
        var staging = target + ".new-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            SafetensorsWriter.Write(Path.Combine(staging, WeightsFile), NamedTensors(agent), ScalarType.Float32, new Dictionary<string, string> { ["format"] = "pt" });
            AtomicFile.Write(Path.Combine(staging, OptimizerFile), stream =>
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                agent.Optimizer.save_state_dict(writer);
            });
            agent.SaveExtraFiles(staging);
            var manifest = new CheckpointManifest
            {
                Algorithm = agent.Name,
                Versions = Versions(),
                ObservationSpace = agent.ObservationSpaceJson,
                ActionSpace = agent.ActionSpaceJson,
                Hyperparameters = agent.HyperparametersJson,
                State = agent.CaptureState(),
                Files = Directory.EnumerateFiles(staging).ToDictionary(file => Path.GetFileName(file), Sha256),
            };
            AtomicFile.WriteAllText(Path.Combine(staging, ManifestFile), JsonSerializer.Serialize(manifest, Json));
            Swap(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Restores <paramref name="agent"/> from the folder <paramref name="path"/> after checking it thoroughly.</summary>
    /// <remarks>
    /// All or nothing: everything that can be checked without changing the agent is read and checked first
    /// (manifest, format version, algorithm, spaces, hyperparameters, checksums, weights, algorithm files such
    /// as the replay buffer, counters and generators). The two parts that can only be checked by doing them —
    /// loading the optimizer state and replaying the env's log — come next, and are undone if either fails.
    /// Only then are the weights, files and counters put in place, which cannot fail.
    /// </remarks>
    /// <exception cref="InvalidDataException">The folder is missing, damaged, or was written by a different format version, algorithm, space or hyperparameters; the agent is unchanged.</exception>
    public static void Load(string path, Algorithm agent)
    {
        var folder = new[] { path, path + ".old" }.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidDataException($"No agent checkpoint folder at '{path}' (nor '{path}.old').");
        var manifest = ReadManifest(folder);
        CheckCompatible(folder, manifest, agent);
        CheckFiles(folder, manifest);
        // No dispose scope around the whole load: the optimizer state loaded below must outlive it.
        var weights = StageWeights(folder, agent);
        try
        {
            var restoreFiles = agent.StageExtraFiles(folder);
            var restoreState = agent.StageState(manifest.State);
            RestoreOptimizerAndEnv(folder, agent, manifest.State.Env);
            using (no_grad())
            {
                foreach (var (target, saved) in weights) target.copy_(saved);
            }
            restoreFiles();
            restoreState();
        }
        finally
        {
            foreach (var (_, saved) in weights) saved.Dispose();
        }
    }

    /// <summary>The manifest of the checkpoint in <paramref name="folder"/>, after checking its format and format version.</summary>
    /// <exception cref="InvalidDataException">The manifest is missing, malformed, or of another format or format version.</exception>
    public static CheckpointManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path)) throw new InvalidDataException($"'{folder}' is not an agent checkpoint: it has no {ManifestFile}.");
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path));
            CheckFormat(path, node);
            return node.Deserialize<CheckpointManifest>(Json) ?? throw new InvalidDataException($"'{path}' holds no agent manifest.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' is not a valid agent manifest: {error.Message}", error);
        }
    }

    private static void CheckFormat(string path, JsonNode? manifest)
    {
        var format = manifest?[nameof(CheckpointManifest.Format)]?.ToString();
        if (format != CheckpointManifest.FormatName)
            throw new InvalidDataException($"'{path}' has format '{format}'; expected '{CheckpointManifest.FormatName}'.");
        var version = manifest![nameof(CheckpointManifest.FormatVersion)]?.ToJsonString();
        if (version != CheckpointManifest.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            var writer = manifest[nameof(CheckpointManifest.Versions)]?[AgentsAssembly]?.ToString() ?? "an unknown version";
            throw new InvalidDataException($"'{path}' has checkpoint format version {version ?? "(none)"}, written by {AgentsAssembly} {writer}; this library ({AgentsAssembly} {PackageVersion(typeof(AgentCheckpoint))}) reads format version {CheckpointManifest.CurrentVersion}.");
        }
    }

    private static void CheckCompatible(string folder, CheckpointManifest manifest, Algorithm agent)
    {
        if (manifest.Algorithm != agent.Name)
            throw new InvalidDataException($"The checkpoint in '{folder}' is a {manifest.Algorithm} agent; it cannot be loaded into a {agent.Name} agent.");
        CheckSame(folder, "observation space", manifest.ObservationSpace, agent.ObservationSpaceJson);
        CheckSame(folder, "action space", manifest.ActionSpace, agent.ActionSpaceJson);
        var saved = manifest.Hyperparameters.AsObject();
        var mine = agent.HyperparametersJson.AsObject();
        var differing = saved.Select(p => p.Key).Union(mine.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(saved[key], mine[key]))
            .Select(key => $"{key}: checkpoint {saved[key]?.ToJsonString() ?? "(absent)"}, agent {mine[key]?.ToJsonString() ?? "(absent)"}")
            .ToList();
        if (differing.Count > 0)
            throw new InvalidDataException($"The checkpoint in '{folder}' was made with different hyperparameters; construct the agent with the same options. Differences: {string.Join("; ", differing)}.");
    }

    private static void CheckSame(string folder, string what, JsonNode saved, JsonNode mine)
    {
        if (!JsonNode.DeepEquals(saved, mine))
            throw new InvalidDataException($"The checkpoint in '{folder}' was made for {what} {saved.ToJsonString()}, but this agent's env has {mine.ToJsonString()}.");
    }

    private static void CheckFiles(string folder, CheckpointManifest manifest)
    {
        foreach (var (name, expected) in manifest.Files)
        {
            var file = Path.Combine(folder, name);
            if (!File.Exists(file)) throw new InvalidDataException($"Checkpoint file '{file}' listed in {ManifestFile} is missing.");
            var actual = Sha256(file);
            if (actual != expected)
                throw new InvalidDataException($"Checkpoint file '{file}' is corrupted: its SHA-256 is {actual}, but {ManifestFile} records {expected}.");
        }
        foreach (var required in new[] { WeightsFile, OptimizerFile })
        {
            if (!manifest.Files.ContainsKey(required)) throw new InvalidDataException($"The checkpoint in '{folder}' lists no {required} in {ManifestFile}.");
        }
    }

    /// <summary>Every weight of the checkpoint, read and checked against the agent's tensors (names and shapes) without changing them.</summary>
    private static List<(Tensor Target, Tensor Saved)> StageWeights(string folder, Algorithm agent)
    {
        var path = Path.Combine(folder, WeightsFile);
        using var file = SafetensorsFile.Open(path);
        var expected = NamedTensors(agent);
        var unexpected = file.Entries.Keys.Except(expected.Select(e => e.Name)).ToList();
        if (unexpected.Count > 0) throw new InvalidDataException($"'{path}' has tensors this agent does not: {string.Join(", ", unexpected)}.");
        foreach (var (name, tensor) in expected)
        {
            if (!file.Entries.TryGetValue(name, out var entry)) throw new InvalidDataException($"'{path}' lacks tensor '{name}'.");
            if (!entry.Shape.SequenceEqual(tensor.shape))
                throw new InvalidDataException($"Tensor '{name}' in '{path}' has shape [{string.Join(", ", entry.Shape)}]; this agent expects [{string.Join(", ", tensor.shape)}].");
        }
        return [.. expected.Select(e => (e.Tensor, file.ReadTensor(e.Name)))];
    }

    /// <summary>Loads the optimizer state and replays the env's log; if either fails, the optimizer's previous state is put back (the env puts itself back).</summary>
    private static void RestoreOptimizerAndEnv(string folder, Algorithm agent, Training.TrainingEnvState env)
    {
        var previous = OptimizerState(agent);
        try
        {
            var path = Path.Combine(folder, OptimizerFile);
            using (var stream = File.OpenRead(path)) LoadOptimizer(stream, path, agent);
            agent.ReplayEnv(env);
        }
        catch
        {
            using var stream = new MemoryStream(previous);
            LoadOptimizer(stream, "the optimizer's previous state", agent);
            throw;
        }
    }

    private static byte[] OptimizerState(Algorithm agent)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) agent.Optimizer.save_state_dict(writer);
        return stream.ToArray();
    }

    private static void LoadOptimizer(Stream stream, string source, Algorithm agent)
    {
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            agent.Optimizer.load_state_dict(reader);
        }
        catch (Exception error) when (error is EndOfStreamException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException($"'{source}' does not hold the state of this agent's optimizer: {error.Message}", error);
        }
    }

    private static List<(string Name, Tensor Tensor)> NamedTensors(Algorithm agent) =>
        [.. from network in agent.Networks
            from entry in network.Module.state_dict()
            select (network.Prefix + "." + entry.Key, entry.Value)];

    private const string AgentsAssembly = "SplitGym.Agents";

    private static Dictionary<string, string> Versions() => new()
    {
        [AgentsAssembly] = PackageVersion(typeof(AgentCheckpoint)),
        ["TorchSharp"] = PackageVersion(typeof(TorchSharp.torch)),
    };

    /// <summary>The package version of <paramref name="type"/>'s assembly (its informational version without the source-revision suffix).</summary>
    internal static string PackageVersion(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void Swap(string staging, string target)
    {
        var old = target + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(staging, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }
}
