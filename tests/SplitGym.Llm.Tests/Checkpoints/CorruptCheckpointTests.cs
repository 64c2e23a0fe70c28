using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Tests.Reference;

namespace SplitGym.Llm.Tests.Checkpoints;

/// <summary>Every kind of broken checkpoint fails loading with a clear exception naming the problem.</summary>
public class CorruptCheckpointTests
{
    private static readonly TinyLlamaSpec Spec = new(Layers: 1);

    private static TempDirectory ValidCheckpoint()
    {
        var directory = new TempDirectory();
        Spec.WriteCheckpoint(directory.Path, Spec.RandomWeights(1));
        return directory;
    }

    private static string Weights(TempDirectory directory) => directory.File("model.safetensors");

    [Fact]
    public void TruncatedDataIsReported()
    {
        using var directory = ValidCheckpoint();
        var bytes = File.ReadAllBytes(Weights(directory));
        File.WriteAllBytes(Weights(directory), bytes[..^10]);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path));
        Assert.Contains("truncated", error.Message);
        Assert.Contains("lm_head.weight", error.Message);
    }

    [Fact]
    public void FileShorterThanLengthFieldIsReported()
    {
        using var directory = ValidCheckpoint();
        File.WriteAllBytes(Weights(directory), [1, 2, 3]);
        Assert.Contains("at least the 8-byte header length", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path)).Message);
    }

    [Fact]
    public void HeaderLengthBeyondFileIsReported()
    {
        using var directory = ValidCheckpoint();
        var bytes = File.ReadAllBytes(Weights(directory));
        BitConverter.GetBytes((ulong)bytes.Length).CopyTo(bytes, 0);
        File.WriteAllBytes(Weights(directory), bytes);
        Assert.Contains($"declares a header of {bytes.Length} bytes", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path)).Message);
    }

    [Fact]
    public void HeaderThatIsNotJsonIsReported()
    {
        using var directory = ValidCheckpoint();
        var bytes = File.ReadAllBytes(Weights(directory));
        bytes[8] = (byte)'x';
        File.WriteAllBytes(Weights(directory), bytes);
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path)).Message);
    }

    [Theory]
    [InlineData("F8_E4M3", 1, "dtype 'F8_E4M3' is not supported")]
    [InlineData("I64", 8, "dtype 'I64' is not supported")]
    [InlineData("F32", 3, "needs 64")]
    public void BadTensorDescriptionsAreReported(string dtype, int bytesPerElement, string expected)
    {
        using var directory = ValidCheckpoint();
        PlainSafetensors.WriteRaw(Weights(directory), new Dictionary<string, (string, int[], byte[])>
        {
            ["model.norm.weight"] = (dtype, [16], new byte[16 * bytesPerElement]),
        });
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path));
        Assert.Contains(expected, error.Message);
        Assert.Contains("model.norm.weight", error.Message);
    }

    [Fact]
    public void ShapeMismatchIsReported()
    {
        using var directory = ValidCheckpoint();
        File.WriteAllText(directory.File("config.json"), (Spec with { Intermediate = 20 }).ConfigJson());
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path));
        Assert.Contains("has shape [24, 16], but the config requires [20, 16]", error.Message);
    }

    [Fact]
    public void MissingAndUnexpectedKeysAreListed()
    {
        using var directory = new TempDirectory();
        var weights = Spec.RandomWeights(1);
        weights.Remove("model.norm.weight");
        weights["model.extra.weight"] = ([1], [0f]);
        Spec.WriteCheckpoint(directory.Path, weights);
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path));
        Assert.Contains("missing keys [model.norm.weight]", error.Message);
        Assert.Contains("unexpected keys [model.extra.weight]", error.Message);
    }

    [Fact]
    public void MissingShardIsReported()
    {
        using var directory = ValidCheckpoint();
        File.Delete(Weights(directory));
        var placement = ShardedCheckpoint.WriteShards(directory.Path, Spec, Spec.RandomWeights(1), firstShardCount: 3);
        File.Delete(directory.File(ShardedCheckpoint.ShardName(2)));
        ShardedCheckpoint.WriteIndex(directory.Path, placement);
        var error = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(directory.Path));
        Assert.Contains("Shard 'model-00002-of-00002.safetensors'", error.Message);
    }

    [Fact]
    public void ShardWithoutItsListedTensorIsReported()
    {
        using var directory = ValidCheckpoint();
        File.WriteAllText(directory.File("model.safetensors.index.json"), """{"weight_map":{"model.norm.weight":"model.safetensors","model.ghost":"model.safetensors"}}""");
        Assert.Contains("does not contain it", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path)).Message);
    }

    [Fact]
    public void TensorInAShardButNotInTheWeightMapIsReportedAsUnexpected()
    {
        var message = ShardedLoadError(placement => placement.Where(tensor => tensor.Name != "model.extra.weight"), extraTensor: "model.extra.weight");
        Assert.Contains("unexpected keys [model.extra.weight (in shard 'model-00002-of-00002.safetensors', which the weight_map does not list for it)]", message);
        Assert.Contains("missing keys []", message);
    }

    [Fact]
    public void ModelTensorLeftOutOfTheWeightMapIsMissingAndUnexpected()
    {
        var message = ShardedLoadError(placement => placement.Where(tensor => tensor.Name != "model.norm.weight"));
        Assert.Contains("missing keys [model.norm.weight]", message);
        Assert.Contains("unexpected keys [model.norm.weight (in shard 'model-00002-of-00002.safetensors'", message);
    }

    [Fact]
    public void WeightMapPointingAtAShardThatLacksTheTensorIsReported() =>
        Assert.Contains("maps tensor 'model.norm.weight' to shard 'model-00001-of-00002.safetensors', but that shard does not contain it",
            ShardedLoadError(placement => placement.Select(tensor => tensor.Name == "model.norm.weight" ? (tensor.Name, ShardedCheckpoint.ShardName(1)) : tensor)));

    [Fact]
    public void DuplicateWeightMapKeyIsReported() =>
        Assert.Contains("weight_map: key 'model.embed_tokens.weight' appears 2 times", ShardedLoadError(placement => [.. placement, placement[0]]));

    /// <summary>Writes a two-shard checkpoint (with <paramref name="extraTensor"/> added to shard 2), an index edited by <paramref name="editIndex"/>, and returns the loader's error message.</summary>
    private static string ShardedLoadError(Func<List<(string Name, string Shard)>, IEnumerable<(string Name, string Shard)>> editIndex, string? extraTensor = null)
    {
        using var directory = new TempDirectory();
        var weights = Spec.RandomWeights(1);
        if (extraTensor is not null) weights[extraTensor] = ([1], [0f]);
        var placement = ShardedCheckpoint.WriteShards(directory.Path, Spec, weights, firstShardCount: 3);
        ShardedCheckpoint.WriteIndex(directory.Path, editIndex(placement));
        return Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path)).Message;
    }

    [Theory]
    [InlineData("""{"metadata":{}}""", "no 'weight_map'")]
    [InlineData("""{"weight_map":{"a":"../elsewhere.safetensors"}}""", "expected a shard file name")]
    [InlineData("""{"weight_map":""", "not valid JSON")]
    public void MalformedShardIndexIsReported(string index, string expected)
    {
        using var directory = ValidCheckpoint();
        File.WriteAllText(directory.File("model.safetensors.index.json"), index);
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path)).Message);
    }

    [Fact]
    public void MalformedConfigIsReportedWithItsPath()
    {
        using var directory = ValidCheckpoint();
        File.WriteAllText(directory.File("config.json"), "{\"hidden_size\": 16,");
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path));
        Assert.Contains(directory.File("config.json"), error.Message);
    }

    [Fact]
    public void MissingFilesAreReported()
    {
        using var directory = ValidCheckpoint();
        File.Delete(Weights(directory));
        Assert.Contains("neither model.safetensors nor model.safetensors.index.json", Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(directory.Path)).Message);
        File.Delete(directory.File("config.json"));
        Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(directory.Path));
    }

    [Fact]
    public void NegativeShapeAndBadMetadataAreReported()
    {
        using var directory = ValidCheckpoint();
        PlainSafetensors.WriteWithHeader(Weights(directory), """{"__metadata__":{"format":1},"x":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}""", []);
        Assert.Contains("__metadata__ value 'format'", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path)).Message);
        PlainSafetensors.WriteWithHeader(Weights(directory), """{"x":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}""", []);
        Assert.Contains("shape contains -1", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(directory.Path)).Message);
    }
}
