using SplitGym.Llm.Model;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// Which checkpoint a calibration was measured on. The SHA-256 of the weights lets a consumer
/// refuse a table that does not belong to the model it runs (a retrained model invalidates it).
/// </summary>
/// <param name="Name">Human-readable model name, e.g. the checkpoint folder name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <c>model.safetensors</c>.</param>
/// <param name="NumLayers">Decoder layers <c>L</c>; split points lie in <c>0..L</c>.</param>
public sealed record ModelIdentity(string Name, string Sha256, int NumLayers)
{
    /// <summary>
    /// The identity of the checkpoint in <paramref name="directory"/>: its folder name, its layer count
    /// and the SHA-256 of <c>model.safetensors</c> (for a sharded checkpoint, of its shard files
    /// concatenated in name order).
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder has no config.json or no safetensors weights.</exception>
    public static ModelIdentity FromCheckpoint(string directory)
    {
        var config = LlamaConfig.Load(System.IO.Path.Combine(directory, "config.json"));
        string name = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(directory)));
        return new ModelIdentity(name, FileHash.Sha256(WeightFiles(directory)), config.NumHiddenLayers);
    }

    private static IReadOnlyList<string> WeightFiles(string directory)
    {
        string single = System.IO.Path.Combine(directory, "model.safetensors");
        if (File.Exists(single))
            return [single];
        var shards = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.safetensors").Order(StringComparer.Ordinal).ToList() : [];
        if (shards.Count == 0)
            throw new FileNotFoundException($"Checkpoint '{directory}' has no model.safetensors and no *.safetensors shards.", single);
        return shards;
    }

    internal void Validate()
    {
        Require.NotBlank(Name, "model.name");
        Require.Sha256Hex(Sha256, "model.sha256");
        Require.Positive(NumLayers, "model.numLayers");
    }
}
