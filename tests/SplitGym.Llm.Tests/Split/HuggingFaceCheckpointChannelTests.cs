using SplitGym.Llm.Channels;
using SplitGym.Llm.Perplexity;
using SplitGym.Llm.Split;
using SplitGym.Llm.Tests.Channels;
using SplitGym.Llm.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Split;

/// <summary>
/// The "done" criterion: a Hugging Face-format checkpoint made by the tests loads and runs
/// split with every channel. Each channel's strong setting must give finite logits that differ from
/// the clean ones, reproducibly per seed, and raise perplexity; its identity setting must give the
/// clean result.
/// </summary>
public class HuggingFaceCheckpointChannelTests(HuggingFaceCheckpointFixture checkpoint) : IClassFixture<HuggingFaceCheckpointFixture>
{
    private readonly SplitRunner _runner = new(checkpoint.Model);

    /// <summary>
    /// Largest logit change allowed for identity settings (logits reach about 3.6 here). σ = 0 and
    /// q = 0 are exact and m = 1e12 fades by 1 ± 1e-6; 16-bit quantisation rounds each value by up to
    /// absmax/65534, which the layers after the split amplify to about 6e-4.
    /// </summary>
    private const double IdentityTolerance = 1e-3;

    [Theory]
    [MemberData(nameof(ChannelCases.Names), MemberType = typeof(ChannelCases))]
    public void StrongSettingGivesFiniteLogitsThatDifferFromCleanAndFollowTheSeed(string name)
    {
        var channel = ChannelCases.Get(name);
        ForEachSplitAgainstClean((ids, clean, split) =>
        {
            var received = Forward(ids, split, channel.Strong, seed: 5);
            Assert.True(received.isfinite().all().item<bool>(), $"split {split}: non-finite logits");
            Assert.True(MaxAbsDifference(received, clean) > 0.1, $"split {split}: logits within 0.1 of clean");
            Assert.True(Tensors.Identical(received, Forward(ids, split, channel.Strong, seed: 5)), $"split {split}: same seed, different logits");
            Assert.Equal(channel.IsRandom, !Tensors.Identical(received, Forward(ids, split, channel.Strong, seed: 6)));
        });
    }

    [Theory]
    [MemberData(nameof(ChannelCases.Names), MemberType = typeof(ChannelCases))]
    public void IdentitySettingGivesTheCleanLogitsAtEverySplit(string name)
    {
        var channel = ChannelCases.Get(name);
        ForEachSplitAgainstClean((ids, clean, split) =>
            Assert.True(MaxAbsDifference(Forward(ids, split, channel.Identity, seed: 5), clean) < IdentityTolerance, $"split {split}"));
    }

    [Theory]
    [MemberData(nameof(ChannelCases.Names), MemberType = typeof(ChannelCases))]
    public void StrongSettingRaisesPerplexityReproduciblyAndIdentitySettingKeepsIt(string name)
    {
        var channel = ChannelCases.Get(name);
        using var evaluator = new PerplexityEvaluator(checkpoint.Model, checkpoint.Text, window: 16, stride: 8, batchSize: 4);
        var clean = evaluator.Clean();
        foreach (var split in new[] { 1, _runner.LayerCount })
        {
            var strong = evaluator.Evaluate(split, channel.Strong, repeats: 3, seed: 11);
            Assert.All(strong.PerRepeat, value => Assert.True(double.IsFinite(value)));
            Assert.True(strong.Mean > clean, $"split {split}: strong-channel perplexity {strong.Mean} vs clean {clean}");
            Assert.Equal(strong.PerRepeat, evaluator.Evaluate(split, channel.Strong, repeats: 3, seed: 11).PerRepeat);
            Assert.Equal(channel.IsRandom, !strong.PerRepeat.SequenceEqual(evaluator.Evaluate(split, channel.Strong, repeats: 3, seed: 12).PerRepeat));
            Assert.Equal(clean, evaluator.Evaluate(split, channel.Identity, repeats: 2, seed: 11).Mean, clean * 1e-5);
        }
    }

    /// <summary>Runs <paramref name="check"/> for every split point with the test batch and its clean (unsplit) logits.</summary>
    private void ForEachSplitAgainstClean(Action<Tensor, Tensor, int> check)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = checkpoint.Batch();
        var clean = checkpoint.Model.forward(ids);
        for (var split = 0; split <= _runner.LayerCount; split++) check(ids, clean, split);
    }

    private Tensor Forward(Tensor ids, int split, IChannel channel, ulong seed)
    {
        using var generator = new Generator(seed);
        return _runner.Forward(ids, split, channel, generator);
    }

    private static double MaxAbsDifference(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return (a - b).abs().max().item<float>();
    }
}
