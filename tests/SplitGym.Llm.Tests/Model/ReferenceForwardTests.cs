using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Tests.Reference;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Model;

/// <summary>The TorchSharp model loaded from a Hugging Face style checkpoint reproduces an independent plain-C# forward pass.</summary>
public class ReferenceForwardTests
{
    public static TheoryData<TinyLlamaSpec> Specs() =>
    [
        new TinyLlamaSpec(),
        new TinyLlamaSpec(KvHeads: 2, Tied: true),
        new TinyLlamaSpec(Hidden: 24, Heads: 6, KvHeads: 2, Intermediate: 40, Layers: 3, RopeTheta: 500000),
        new TinyLlamaSpec(Hidden: 12, Heads: 3, KvHeads: 1, Layers: 1, Tied: true, Vocab: 11),
    ];

    [Theory]
    [MemberData(nameof(Specs))]
    public void LogitsMatchReferenceTo1e4(TinyLlamaSpec spec)
    {
        using var directory = new TempDirectory();
        var weights = spec.RandomWeights(seed: 7);
        spec.WriteCheckpoint(directory.Path, weights);
        var reference = new ReferenceLlama(spec, weights);
        int[][] sequences = [[0, 5, 3, 9, 1, 2, 8, 4, 7, 6], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]];

        using var model = Checkpoint.Load(directory.Path);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(sequences.SelectMany(s => s.Select(id => (long)id)).ToArray(), [2, 10]);
        var logits = model.forward(ids);

        Assert.Equal([2L, 10L, spec.Vocab], logits.shape);
        for (var b = 0; b < sequences.Length; b++)
        {
            var expected = reference.Forward(sequences[b]);
            var actual = logits[b].to_type(ScalarType.Float64).data<double>().ToArray();
            for (var t = 0; t < expected.Length; t++)
                for (var v = 0; v < spec.Vocab; v++)
                    Assert.True(Math.Abs(expected[t][v] - actual[t * spec.Vocab + v]) < 1e-4,
                        $"logit [{b},{t},{v}]: reference {expected[t][v]}, TorchSharp {actual[t * spec.Vocab + v]}");
        }
    }

    [Fact]
    public void ReferenceLogitsAreFarFromUniformSoTheComparisonHasTeeth()
    {
        var spec = new TinyLlamaSpec();
        var logits = new ReferenceLlama(spec, spec.RandomWeights(7)).Forward([1, 2, 3]);
        Assert.True(logits.SelectMany(row => row).Select(Math.Abs).Max() > 1.0);
    }
}
