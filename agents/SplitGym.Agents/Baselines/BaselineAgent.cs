using System.Text.Json;
using System.Text.Json.Nodes;
using SplitGym.Agents.Training;
using SplitGym.Llm.IO;

namespace SplitGym.Agents.Baselines;

/// <summary>
/// A fixed policy that places learned agents on a scale: nothing to learn (<see cref="Learn"/> only
/// counts nothing), and a checkpoint is just <c>agent.json</c> with its name and parameters.
/// </summary>
public abstract class BaselineAgent : IAgent
{
    /// <summary>The manifest file of a baseline checkpoint.</summary>
    public const string ManifestFile = "agent.json";

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public long NumTimesteps => 0;

    /// <summary>The parameters that define the baseline (saved and compared on load).</summary>
    protected abstract JsonObject Parameters { get; }

    /// <inheritdoc />
    public abstract int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default);

    /// <summary>Does nothing: a baseline does not learn.</summary>
    public void Learn(long totalTimesteps, IReadOnlyList<Callback>? callbacks = null)
    {
    }

    /// <inheritdoc />
    public void Save(string path)
    {
        Directory.CreateDirectory(path);
        var manifest = new JsonObject { ["algorithm"] = Name, ["parameters"] = Parameters };
        AtomicFile.WriteAllText(Path.Combine(path, ManifestFile), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <inheritdoc />
    public void Load(string path)
    {
        var file = Path.Combine(path, ManifestFile);
        if (!File.Exists(file)) throw new InvalidDataException($"'{path}' is not a baseline checkpoint: it has no {ManifestFile}.");
        JsonNode? manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(file));
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{file}' is not valid JSON: {error.Message}", error);
        }
        var saved = $"{manifest?["algorithm"]} {manifest?["parameters"]?.ToJsonString()}";
        var mine = $"{Name} {Parameters.ToJsonString()}";
        if (saved != mine) throw new InvalidDataException($"'{file}' describes {saved}; this agent is {mine}.");
    }

    /// <inheritdoc />
    public void Dispose() => GC.SuppressFinalize(this);
}
