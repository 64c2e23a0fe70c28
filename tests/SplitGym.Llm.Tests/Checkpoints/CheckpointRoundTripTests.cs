using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Model;
using SplitGym.Llm.Tests.Model;
using SplitGym.Llm.Tests.Reference;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Checkpoints;

public class CheckpointRoundTripTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float32SaveLoadIsBitIdentical(bool tied)
    {
        using var directory = new TempDirectory();
        using var model = new LlamaForCausalLM(LlamaForCausalLMTests.Tiny with { TieWordEmbeddings = tied }, seed: 5);
        Checkpoint.Save(model, directory.Path);
        using var loaded = Checkpoint.Load(directory.Path);
        Assert.Equal(model.Config.ToJson(), (loaded.Config with { TorchDtype = null }).ToJson());
        foreach (var (name, tensor) in model.state_dict()) Assert.True(Tensors.Identical(tensor, loaded.state_dict()[name]), name);

        var first = File.ReadAllBytes(Path.Combine(directory.Path, "model.safetensors"));
        Checkpoint.Save(loaded, directory.Path);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(directory.Path, "model.safetensors")));
        Assert.Equal(["config.json", "model.safetensors"], Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(ScalarType.Float16, "F16", "float16")]
    [InlineData(ScalarType.BFloat16, "BF16", "bfloat16")]
    public void HalfPrecisionStorageRoundsOnceAndLoadsIntoRunDtype(ScalarType storage, string dtypeName, string torchDtype)
    {
        using var directory = new TempDirectory();
        using var model = new LlamaForCausalLM(LlamaForCausalLMTests.Tiny, seed: 5);
        Checkpoint.Save(model, directory.Path, storage);
        using (var file = SafetensorsFile.Open(Path.Combine(directory.Path, "model.safetensors")))
        {
            Assert.All(file.Entries.Values, entry => Assert.Equal(dtypeName, entry.DType));
            Assert.Equal("pt", file.Metadata["format"]);
        }
        Assert.Equal(torchDtype, LlamaConfig.Load(Path.Combine(directory.Path, "config.json")).TorchDtype);

        using var loaded = Checkpoint.Load(directory.Path);
        foreach (var (name, tensor) in model.state_dict())
        {
            using var rounded = tensor.to_type(storage).to_type(ScalarType.Float32);
            Assert.True(Tensors.Identical(rounded, loaded.state_dict()[name]), name);
        }
        using var halfModel = Checkpoint.Load(directory.Path, storage);
        Assert.All(halfModel.parameters(), p => Assert.Equal(storage, p.dtype));
    }

    [Fact]
    public void ShardedCheckpointLoads()
    {
        using var directory = new TempDirectory();
        var spec = new TinyLlamaSpec(Layers: 2);
        var weights = spec.RandomWeights(1);
        ShardedCheckpoint.WriteIndex(directory.Path, ShardedCheckpoint.WriteShards(directory.Path, spec, weights, weights.Count / 2));

        using var model = Checkpoint.Load(directory.Path);
        foreach (var (name, (_, data)) in weights)
            Assert.Equal(data, model.state_dict()[name].data<float>().ToArray());
    }

    [Fact]
    public void ToleratesRotaryInverseFrequencyAndTiedHeadCopies()
    {
        using var directory = new TempDirectory();
        var spec = new TinyLlamaSpec(Layers: 1, Tied: true);
        var weights = spec.RandomWeights(1);
        weights["model.layers.0.self_attn.rotary_emb.inv_freq"] = ([2], [1f, 0.01f]);
        weights["lm_head.weight"] = weights["model.embed_tokens.weight"];
        spec.WriteCheckpoint(directory.Path, weights);
        using var model = Checkpoint.Load(directory.Path);
        Assert.Equal(weights["model.norm.weight"].Data, model.state_dict()["model.norm.weight"].data<float>().ToArray());
    }
}
