using SplitGym.Llm.Channels;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;
using SplitGym.Llm.Tests.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Perplexity;

public class PerplexityEvaluatorTests
{
    private static LlamaForCausalLM TinyModel() => new(LlamaForCausalLMTests.Tiny with { InitializerRange = 0.3 }, seed: 21);

    private static int[] Text(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => random.Next(40)).ToArray();
    }

    /// <summary>The Hugging Face loop written out literally: one window at a time, labels masked before prev_end, NLL from float64 log-softmax.</summary>
    private static (double Perplexity, int Scored) HuggingFaceReference(LlamaForCausalLM model, int[] ids, int window, int stride)
    {
        double nll = 0;
        var scored = 0;
        var previousEnd = 0;
        using var noGrad = no_grad();
        for (var begin = 0; begin < ids.Length; begin += stride)
        {
            using var scope = NewDisposeScope();
            var end = Math.Min(begin + window, ids.Length);
            var targetLength = end - previousEnd;
            var input = tensor(ids[begin..end].Select(i => (long)i).ToArray(), [1, end - begin]);
            var logits = model.forward(input)[0].to_type(ScalarType.Float64).data<double>().ToArray();
            var vocab = model.Config.VocabSize;
            for (var position = Math.Max(1, end - begin - targetLength); position < end - begin; position++)
            {
                var row = logits.AsSpan((position - 1) * vocab, vocab).ToArray();
                var max = row.Max();
                var logSum = max + Math.Log(row.Sum(v => Math.Exp(v - max)));
                nll += logSum - row[ids[begin + position]];
                scored++;
            }
            previousEnd = end;
            if (end == ids.Length) break;
        }
        return (Math.Exp(nll / scored), scored);
    }

    /// <summary>Lengths where the last Hugging Face window is a full one (our right-aligned final window gives it more context otherwise).</summary>
    [Theory]
    [InlineData(32, 8, 8)]
    [InlineData(32, 8, 4)]
    [InlineData(29, 8, 3)]
    [InlineData(6, 8, 8)]
    public void CleanPerplexityMatchesTheHuggingFaceLoop(int length, int window, int stride)
    {
        using var model = TinyModel();
        var ids = Text(length, 1);
        using var evaluator = new PerplexityEvaluator(model, ids, window, stride, batchSize: 3);
        var (expected, scored) = HuggingFaceReference(model, ids, window, stride);
        Assert.Equal(expected, evaluator.Clean(), 5);
        Assert.Equal(scored, evaluator.TokenCount);
    }

    [Fact]
    public void NoiselessSplitEvaluationEqualsUnsplitPerplexityExactlyForEverySplit()
    {
        using var model = TinyModel();
        using var evaluator = new PerplexityEvaluator(model, Text(50, 2), window: 12, stride: 6, batchSize: 4);
        var clean = evaluator.Clean();
        for (var split = 0; split <= model.LayerCount; split++)
        {
            var result = evaluator.Evaluate(split, IdentityChannel.Instance, repeats: 2, seed: 1);
            Assert.Equal(clean, result.Mean);
            Assert.Equal([clean, clean], result.PerRepeat);
            Assert.Equal(0, result.StandardError);
        }
    }

    [Fact]
    public void RepeatsAreReproducibleAndIndependentOfBatchSize()
    {
        using var model = TinyModel();
        var ids = Text(60, 3);
        using var byOne = new PerplexityEvaluator(model, ids, 10, 5, batchSize: 1);
        using var byFour = new PerplexityEvaluator(model, ids, 10, 5, batchSize: 4);
        var channel = new NakagamiChannel(1, 0.5);
        var first = byOne.Evaluate(2, channel, repeats: 4, seed: 77);
        var again = byOne.Evaluate(2, channel, repeats: 4, seed: 77);
        var batched = byFour.Evaluate(2, channel, repeats: 4, seed: 77);
        var otherSeed = byOne.Evaluate(2, channel, repeats: 4, seed: 78);
        Assert.Equal(first, again with { PerRepeat = again.PerRepeat }, new ResultComparer());
        Assert.All(first.PerRepeat.Zip(batched.PerRepeat), pair => Assert.Equal(pair.First, pair.Second, 1e-9 * pair.First));
        Assert.NotEqual(first.PerRepeat, otherSeed.PerRepeat);
        Assert.Equal(4, first.PerRepeat.Count);
        Assert.Equal(59, first.TokenCount);
    }

    [Fact]
    public void NoiseRaisesPerplexityAndHasSpread()
    {
        using var model = TinyModel();
        using var evaluator = new PerplexityEvaluator(model, Text(80, 4), 16, 8, batchSize: 8);
        var clean = evaluator.Clean();
        var noisy = evaluator.Evaluate(1, new AwgnChannel(2.0), repeats: 5, seed: 3);
        Assert.True(noisy.Mean > clean, $"noisy {noisy.Mean} vs clean {clean}");
        Assert.True(noisy.StandardError > 0);
        var single = evaluator.Evaluate(1, new AwgnChannel(2.0), repeats: 1, seed: 3);
        Assert.True(double.IsNaN(single.StandardError));
        Assert.Equal(noisy.PerRepeat[0], single.PerRepeat[0]);
    }

    [Fact]
    public void LiveTensorCountIsFlatAcrossEvaluations()
    {
        using var model = TinyModel();
        using var evaluator = new PerplexityEvaluator(model, Text(40, 5), 8, 4, batchSize: 3);
        var channel = new CompositeChannel(new QuantizationChannel(6), new NakagamiChannel(2, 0.1, FadingGranularity.PerToken));
        evaluator.Evaluate(1, channel, 2, 1);
        var baseline = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 5; i++) evaluator.Evaluate(i % 4, channel, 2, (ulong)i);
        evaluator.Clean();
        Assert.Equal(baseline, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        using var model = TinyModel();
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerplexityEvaluator(model, Text(40, 1), window: 33, stride: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerplexityEvaluator(model, Text(40, 1), 8, 4, batchSize: 0));
        Assert.Contains("position 2", Assert.Throws<ArgumentOutOfRangeException>(() => new PerplexityEvaluator(model, [1, 2, 40, 3], 4, 4)).Message);
        using var evaluator = new PerplexityEvaluator(model, Text(40, 1), 8, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.Evaluate(1, IdentityChannel.Instance, repeats: 0, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => evaluator.Evaluate(4, IdentityChannel.Instance, repeats: 1, seed: 1));
    }

    private sealed class ResultComparer : IEqualityComparer<PerplexityResult>
    {
        public bool Equals(PerplexityResult? x, PerplexityResult? y) =>
            x!.Mean == y!.Mean && x.StandardError == y.StandardError && x.PerRepeat.SequenceEqual(y.PerRepeat) && x.TokenCount == y.TokenCount;

        public int GetHashCode(PerplexityResult obj) => obj.Mean.GetHashCode();
    }
}
