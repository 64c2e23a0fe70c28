namespace SplitGym.Llm.Tests.Reference;

/// <summary>Writes a two-shard Hugging Face checkpoint (config.json, shards, model.safetensors.index.json) with plain file I/O, so tests can also forge inconsistent indexes.</summary>
public static class ShardedCheckpoint
{
    public static string ShardName(int shard) => $"model-0000{shard}-of-00002.safetensors";

    /// <summary>Writes config.json and two F32 shards (the first <paramref name="firstShardCount"/> tensors in shard 1, the rest in shard 2); returns each tensor with its shard.</summary>
    public static List<(string Name, string Shard)> WriteShards(string directory, TinyLlamaSpec spec, Dictionary<string, (int[] Shape, float[] Data)> weights, int firstShardCount)
    {
        File.WriteAllText(Path.Combine(directory, "config.json"), spec.ConfigJson());
        var placement = weights.Keys.Select((name, i) => (Name: name, Shard: ShardName(i < firstShardCount ? 1 : 2))).ToList();
        foreach (var shard in placement.GroupBy(tensor => tensor.Shard))
            PlainSafetensors.WriteF32(Path.Combine(directory, shard.Key), shard.ToDictionary(tensor => tensor.Name, tensor => weights[tensor.Name]));
        return placement;
    }

    /// <summary>Writes model.safetensors.index.json with the given weight_map entries, in order (duplicates kept).</summary>
    public static void WriteIndex(string directory, IEnumerable<(string Name, string Shard)> weightMap) =>
        File.WriteAllText(Path.Combine(directory, "model.safetensors.index.json"),
            "{\"metadata\":{},\"weight_map\":{" + string.Join(",", weightMap.Select(entry => $"\"{entry.Name}\":\"{entry.Shard}\"")) + "}}");
}
