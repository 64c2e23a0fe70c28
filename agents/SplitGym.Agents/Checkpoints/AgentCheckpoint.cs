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
    /// <exception cref="InvalidDataException">The folder is missing, damaged, or was written by a different algorithm, space or hyperparameters.</exception>
    public static void Load(string path, Algorithm agent)
    {
        var folder = new[] { path, path + ".old" }.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidDataException($"No agent checkpoint folder at '{path}' (nor '{path}.old').");
        var manifest = ReadManifest(folder);
        CheckCompatible(folder, manifest, agent);
        CheckFiles(folder, manifest);
        LoadWeights(folder, agent);
        LoadOptimizer(folder, agent);
        agent.LoadExtraFiles(folder);
        agent.RestoreState(manifest.State);
    }

    /// <summary>The manifest of the checkpoint in <paramref name="folder"/>.</summary>
    public static CheckpointManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path)) throw new InvalidDataException($"'{folder}' is not an agent checkpoint: it has no {ManifestFile}.");
        CheckpointManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' is not a valid agent manifest: {error.Message}", error);
        }
        if (manifest is null || manifest.Format != CheckpointManifest.FormatName)
            throw new InvalidDataException($"'{path}' has format '{manifest?.Format}'; expected '{CheckpointManifest.FormatName}'.");
        if (manifest.FormatVersion != CheckpointManifest.CurrentVersion)
            throw new InvalidDataException($"'{path}' has format version {manifest.FormatVersion}; this library reads version {CheckpointManifest.CurrentVersion}.");
        return manifest;
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

    private static void LoadWeights(string folder, Algorithm agent)
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
            using var scope = NewDisposeScope();
            using (no_grad()) tensor.copy_(file.ReadTensor(name));
        }
    }

    private static void LoadOptimizer(string folder, Algorithm agent)
    {
        var path = Path.Combine(folder, OptimizerFile);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            agent.Optimizer.load_state_dict(reader);
        }
        catch (Exception error) when (error is EndOfStreamException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException($"'{path}' does not hold the state of this agent's optimizer: {error.Message}", error);
        }
    }

    private static List<(string Name, Tensor Tensor)> NamedTensors(Algorithm agent) =>
        [.. from network in agent.Networks
            from entry in network.Module.state_dict()
            select (network.Prefix + "." + entry.Key, entry.Value)];

    private static Dictionary<string, string> Versions() => new()
    {
        ["SplitGym.Agents"] = typeof(AgentCheckpoint).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["TorchSharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
    };

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
