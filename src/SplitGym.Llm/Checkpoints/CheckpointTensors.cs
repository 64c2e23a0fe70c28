using System.Text.Json;
using static TorchSharp.torch;

namespace SplitGym.Llm.Checkpoints;

/// <summary>
/// The tensors of a Hugging Face checkpoint directory, from a single <c>model.safetensors</c> or from
/// the shards listed in <c>model.safetensors.index.json</c>. Every shard is opened and validated up
/// front, so a missing shard or a tensor absent from its shard fails before any weight is copied.
/// </summary>
public sealed class CheckpointTensors : IDisposable
{
    /// <summary>File name of a single-file checkpoint.</summary>
    public const string SingleFileName = "model.safetensors";

    /// <summary>File name of the shard index of a sharded checkpoint.</summary>
    public const string IndexFileName = "model.safetensors.index.json";

    private readonly List<SafetensorsFile> _files;
    private readonly Dictionary<string, SafetensorsFile> _fileByTensor;

    private CheckpointTensors(List<SafetensorsFile> files, Dictionary<string, SafetensorsFile> fileByTensor, IReadOnlyList<(string Name, string Shard)> unlisted)
    {
        _files = files;
        _fileByTensor = fileByTensor;
        Unlisted = unlisted;
    }

    /// <summary>Names of all tensors in the checkpoint (for a sharded one: the keys of the index's weight_map).</summary>
    public IReadOnlyCollection<string> Names => _fileByTensor.Keys;

    /// <summary>
    /// Tensors stored in a shard that the weight_map does not map to that shard (absent from the map, or
    /// mapped to another shard). They are never read; a strict loader reports them as unexpected, since
    /// an index that disagrees with its shards means one of them is stale. Empty for a single file.
    /// </summary>
    public IReadOnlyList<(string Name, string Shard)> Unlisted { get; }

    /// <summary>Opens the weights of <paramref name="directory"/>, preferring the shard index when present.</summary>
    /// <exception cref="FileNotFoundException">Neither weight file exists, or a shard named by the index is missing.</exception>
    /// <exception cref="InvalidDataException">The index or a shard is malformed.</exception>
    public static CheckpointTensors Open(string directory)
    {
        var indexPath = Path.Combine(directory, IndexFileName);
        if (File.Exists(indexPath)) return OpenSharded(directory, indexPath);
        var singlePath = Path.Combine(directory, SingleFileName);
        if (!File.Exists(singlePath))
            throw new FileNotFoundException($"Checkpoint directory '{directory}' has neither {SingleFileName} nor {IndexFileName}.", singlePath);
        var file = SafetensorsFile.Open(singlePath);
        return new CheckpointTensors([file], file.Entries.Keys.ToDictionary(name => name, _ => file, StringComparer.Ordinal), []);
    }

    /// <summary>The stored shape of tensor <paramref name="name"/>.</summary>
    public long[] ShapeOf(string name) => _fileByTensor[name].Entries[name].Shape;

    /// <summary>Reads tensor <paramref name="name"/> in its stored dtype onto the CPU.</summary>
    public Tensor Read(string name) => _fileByTensor[name].ReadTensor(name);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var file in _files) file.Dispose();
    }

    private static CheckpointTensors OpenSharded(string directory, string indexPath)
    {
        var weightMap = ReadWeightMap(indexPath);
        var files = new List<SafetensorsFile>();
        try
        {
            var byShard = new Dictionary<string, SafetensorsFile>(StringComparer.Ordinal);
            var fileByTensor = new Dictionary<string, SafetensorsFile>(StringComparer.Ordinal);
            foreach (var (tensor, shard) in weightMap)
            {
                if (!byShard.TryGetValue(shard, out var file))
                {
                    var shardPath = Path.Combine(directory, shard);
                    if (!File.Exists(shardPath))
                        throw new FileNotFoundException($"Shard '{shard}' listed in '{indexPath}' (for tensor '{tensor}') does not exist.", shardPath);
                    file = SafetensorsFile.Open(shardPath);
                    files.Add(file);
                    byShard[shard] = file;
                }
                if (!file.Entries.ContainsKey(tensor))
                    throw new InvalidDataException($"'{indexPath}' maps tensor '{tensor}' to shard '{shard}', but that shard does not contain it.");
                fileByTensor[tensor] = file;
            }
            return new CheckpointTensors(files, fileByTensor, FindUnlisted(byShard, weightMap));
        }
        catch
        {
            foreach (var file in files) file.Dispose();
            throw;
        }
    }

    private static List<(string Name, string Shard)> FindUnlisted(Dictionary<string, SafetensorsFile> byShard, Dictionary<string, string> weightMap) =>
        [.. from pair in byShard
            from name in pair.Value.Entries.Keys
            where !(weightMap.TryGetValue(name, out var listedShard) && listedShard == pair.Key)
            select (name, pair.Key)];

    private static Dictionary<string, string> ReadWeightMap(string indexPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(indexPath));
            if (!document.RootElement.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"Shard index '{indexPath}' has no 'weight_map' object.");
            UniqueJsonKeys.Require(map, $"Shard index '{indexPath}', weight_map");
            return map.EnumerateObject().ToDictionary(
                item => item.Name,
                item => item.Value.ValueKind == JsonValueKind.String && IsPlainFileName(item.Value.GetString()!)
                    ? item.Value.GetString()!
                    : throw new InvalidDataException($"Shard index '{indexPath}': tensor '{item.Name}' maps to {item.Value.GetRawText()}; expected a shard file name in the same directory."),
                StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Shard index '{indexPath}' is not valid JSON: {e.Message}", e);
        }
    }

    private static bool IsPlainFileName(string name) =>
        name.Length > 0 && Path.GetFileName(name) == name && name != "." && name != "..";
}
