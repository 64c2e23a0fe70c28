using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Tests.Reference;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Checkpoints;

/// <summary>F16 and BF16 checkpoints written by the tests' own writer load with the independently rounded values, and a BF16 run stays close to the F32 run.</summary>
public class HalfPrecisionCheckpointTests
{
    private static readonly TinyLlamaSpec Spec = new(Layers: 2, KvHeads: 2);

    [Theory]
    [InlineData("F16")]
    [InlineData("BF16")]
    public void HalfPrecisionFileLoadsWithTheIndependentlyRoundedValues(string dtype)
    {
        using var directory = new TempDirectory();
        var weights = Spec.RandomWeights(seed: 4);
        Spec.WriteCheckpoint(directory.Path, weights, dtype);
        Func<float, float> round = dtype == "F16"
            ? value => HalfPrecision.FromF16(HalfPrecision.ToF16(value))
            : value => HalfPrecision.FromBf16(HalfPrecision.ToBf16(value));

        using var model = Checkpoint.Load(directory.Path);
        var state = model.state_dict();
        foreach (var (name, (_, data)) in weights)
        {
            Assert.Equal(ScalarType.Float32, state[name].dtype);
            Assert.Equal(data.Select(round), state[name].data<float>().ToArray());
        }
        Assert.Contains(weights.Values, tensor => tensor.Data.Any(value => round(value) != value));
    }

    /// <summary>
    /// Same BF16 weights, computed in BF16 and in F32. BF16 keeps 8 significant bits (relative step
    /// 2^-8); over two layers the largest logit error measured 3.7% of the largest logit, with every
    /// argmax equal, so 10% and 90% are loose bounds that still catch a wrong conversion.
    /// </summary>
    [Fact]
    public void Bf16RunGivesLogitsCloseToTheFloat32Run()
    {
        using var directory = new TempDirectory();
        Spec.WriteCheckpoint(directory.Path, Spec.RandomWeights(seed: 5), "BF16");
        using var float32 = Checkpoint.Load(directory.Path);
        using var bfloat16 = Checkpoint.Load(directory.Path, ScalarType.BFloat16);
        Assert.All(bfloat16.parameters(), parameter => Assert.Equal(ScalarType.BFloat16, parameter.dtype));

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var random = new Random(6);
        var ids = tensor(Enumerable.Range(0, 64).Select(_ => (long)random.Next(Spec.Vocab)).ToArray(), [4, 16]);
        var reference = float32.forward(ids);
        var reduced = bfloat16.forward(ids);
        Assert.Equal(ScalarType.BFloat16, reduced.dtype);
        var widened = reduced.to_type(ScalarType.Float32);

        var worst = (widened - reference).abs().max().item<float>();
        var largest = reference.abs().max().item<float>();
        Assert.True(worst < 0.1 * largest, $"largest BF16 logit error {worst} against logits up to {largest}");
        var agreement = widened.argmax(-1).eq(reference.argmax(-1)).to_type(ScalarType.Float32).mean().item<float>();
        Assert.True(agreement >= 0.9, $"argmax agrees on {agreement:P0} of positions");
    }
}
