using SplitGym.Llm.Model;
using SplitGym.Llm.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Model;

public class LlamaForCausalLMTests
{
    internal static readonly LlamaConfig Tiny = new()
    {
        HiddenSize = 16, IntermediateSize = 24, NumHiddenLayers = 3, NumAttentionHeads = 4, NumKeyValueHeads = 2, VocabSize = 40, MaxPositionEmbeddings = 32,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ParameterNamesAreTheHuggingFaceKeys(bool tied)
    {
        var spec = new TinyLlamaSpec(Layers: 3, KvHeads: 2, Vocab: 40, Tied: tied);
        using var model = new LlamaForCausalLM(Tiny with { TieWordEmbeddings = tied, IntermediateSize = spec.Intermediate });
        var expected = spec.Keys().ToDictionary(k => k.Name, k => k.Shape.Select(d => (long)d).ToArray());
        var actual = model.state_dict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, shape) in expected) Assert.Equal(shape, actual[name].shape);
    }

    [Fact]
    public void SameSeedGivesIdenticalWeightsAndDifferentSeedDifferent()
    {
        using var a = new LlamaForCausalLM(Tiny, seed: 3);
        using var b = new LlamaForCausalLM(Tiny, seed: 3);
        using var c = new LlamaForCausalLM(Tiny, seed: 4);
        foreach (var (name, tensor) in a.state_dict())
        {
            Assert.True(Tensors.Identical(tensor, b.state_dict()[name]), name);
            if (!name.EndsWith("norm.weight")) Assert.False(Tensors.Identical(tensor, c.state_dict()[name]), name);
        }
    }

    [Fact]
    public void InitialisationHasConfiguredSpread()
    {
        using var model = new LlamaForCausalLM(Tiny with { InitializerRange = 0.05 }, seed: 1);
        using var weight = model.state_dict()["lm_head.weight"].std();
        Assert.InRange(weight.item<float>(), 0.045, 0.055);
        using Scalar one = 1;
        Assert.True(model.state_dict()["model.norm.weight"].eq(one).all().item<bool>());
    }

    [Fact]
    public void LogitsAreCausal()
    {
        using var model = new LlamaForCausalLM(Tiny with { InitializerRange = 0.3 }, seed: 1);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(new long[] { 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 9 }, [2, 6]);
        var logits = model.forward(ids);
        Assert.Equal([2L, 6L, 40L], logits.shape);
        Assert.True(logits[0, ..5].allclose(logits[1, ..5], rtol: 0, atol: 1e-6));
        Assert.False(logits[0, 5].allclose(logits[1, 5], rtol: 0, atol: 1e-3));
    }

    [Fact]
    public void RejectsIdsOutsideVocabularyAndTooLongInputs()
    {
        using var model = new LlamaForCausalLM(Tiny);
        using var scope = NewDisposeScope();
        Assert.Contains("[0, 40)", Assert.Throws<ArgumentException>(() => model.forward(tensor(new long[] { 1, 40 }, [1, 2]))).Message);
        Assert.Contains("int64", Assert.Throws<ArgumentException>(() => model.forward(tensor(new int[] { 1, 2 }, [1, 2]))).Message);
        Assert.Contains("max_position_embeddings = 32", Assert.Throws<ArgumentOutOfRangeException>(() => model.forward(zeros([1, 33], ScalarType.Int64))).Message);
    }

    [Fact]
    public void StagesComposeToTheFullForward()
    {
        using var model = new LlamaForCausalLM(Tiny with { InitializerRange = 0.3 }, seed: 2);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = randint(0, 40, [2, 7], dtype: ScalarType.Int64);
        var whole = model.forward(ids);
        var staged = model.Head(model.RunLayers(model.RunLayers(model.Embed(ids), 0, 1), 1, 3));
        Assert.True(Tensors.Identical(whole, staged));
    }
}
