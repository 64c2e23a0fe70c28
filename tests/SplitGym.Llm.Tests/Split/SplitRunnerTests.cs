using SplitGym.Llm.Channels;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Model;
using SplitGym.Llm.Split;
using SplitGym.Llm.Tests.Channels;
using SplitGym.Llm.Tests.Model;
using SplitGym.Llm.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Split;

public class SplitRunnerTests
{
    private static LlamaForCausalLM TinyModel() => new(LlamaForCausalLMTests.Tiny with { InitializerRange = 0.2 }, seed: 8);

    [Fact]
    public void IdentityChannelSplitEqualsUnsplitForEverySplitPoint()
    {
        using var model = TinyModel();
        var runner = new SplitRunner(model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = new Generator(1);
        var ids = randint(0, 40, [3, 9], dtype: ScalarType.Int64, generator: generator);
        var unsplit = model.forward(ids);
        for (var split = 0; split <= runner.LayerCount; split++)
            Assert.True(Tensors.Identical(unsplit, runner.Forward(ids, split, IdentityChannel.Instance, generator)), $"split {split}");
    }

    [Fact]
    public void UeHiddenStateMatchesTheReferenceResidualStream()
    {
        using var directory = new TempDirectory();
        var spec = new TinyLlamaSpec(Layers: 3, KvHeads: 2);
        var weights = spec.RandomWeights(2);
        spec.WriteCheckpoint(directory.Path, weights);
        using var model = Checkpoint.Load(directory.Path);
        var runner = new SplitRunner(model);
        var reference = new ReferenceLlama(spec, weights);
        int[] sequence = [3, 1, 4, 1, 5, 9, 2, 6];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(sequence.Select(i => (long)i).ToArray(), [1, sequence.Length]);
        for (var split = 0; split <= 3; split++)
        {
            var expected = reference.HiddenAfter(sequence, split).SelectMany(row => row).ToArray();
            var actual = runner.RunUe(ids, split).to_type(ScalarType.Float64).data<double>().ToArray();
            Assert.Equal(expected.Length, actual.Length);
            Assert.All(expected.Zip(actual), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 1e-4, $"split {split}: {pair.First} vs {pair.Second}"));
        }
    }

    [Fact]
    public void CleanUeOutputCanBeReusedAndAdvancedAcrossSplits()
    {
        using var model = TinyModel();
        var runner = new SplitRunner(model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = randint(0, 40, [2, 5], dtype: ScalarType.Int64);
        var atOne = runner.RunUe(ids, 1);
        var atThree = runner.AdvanceUe(atOne, 1, 3);
        Assert.True(Tensors.Identical(runner.RunUe(ids, 3), atThree));
        var channel = new AwgnChannel(0.5);
        using var g1 = new Generator(4);
        using var g2 = new Generator(4);
        var viaForward = runner.Forward(ids, 1, channel, g1);
        var viaParts = runner.RunEdge(channel.Apply(atOne, g2), 1);
        Assert.True(Tensors.Identical(viaForward, viaParts));
        Assert.False(Tensors.Identical(viaForward, model.forward(ids)));
    }

    [Fact]
    public void HiddenStateSizeFollowsDtypeAndQuantisation()
    {
        using var model = TinyModel();
        var runner = new SplitRunner(model);
        Assert.Equal(10 * 16 * 4, runner.HiddenStateBytes(10, ScalarType.Float32));
        Assert.Equal(10 * 16 * 2, runner.HiddenStateBytes(10, ScalarType.BFloat16));
        Assert.Equal(10 * (8 + 4), runner.HiddenStateBytes(10, new QuantizationChannel(4)));
    }

    [Fact]
    public void InvalidSplitPointsAreRejected()
    {
        using var model = TinyModel();
        var runner = new SplitRunner(model);
        using var scope = NewDisposeScope();
        var ids = zeros([1, 2], ScalarType.Int64);
        Assert.Contains("[0, 3]", Assert.Throws<ArgumentOutOfRangeException>(() => runner.RunUe(ids, 4)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => runner.RunEdge(zeros([1, 2, 16]), -1));
    }

    /// <summary>
    /// No dispose scope in the test: the caller disposes only the logits it gets, so any tensor the
    /// runner or a channel leaves undisposed stays in the thread's exact live count (TorchSharp counts
    /// tensors created outside scopes too), and a finalizer cannot hide it (it disposes on another thread).
    /// The channel chains every stage: quantisation, erasure, relative-noise fading with zero-forcing, AWGN.
    /// </summary>
    [Fact]
    public void LiveTensorCountStaysFlatOverAThousandSplitForwards()
    {
        IChannel channel = new CompositeChannel(
            new QuantizationChannel(8),
            new ErasureChannel(0.1),
            new NakagamiChannel(1, 0.1, FadingGranularity.PerToken, NoiseScale.RelativeToSignal, Equalization.ZeroForcing),
            new AwgnChannel(0.1));
        AssertNoLeak(channel, warmUp: 10, forwards: 1000);
    }

    [Theory]
    [MemberData(nameof(ChannelCases.Names), MemberType = typeof(ChannelCases))]
    public void LiveTensorCountStaysFlatWithEachChannel(string name) => AssertNoLeak(ChannelCases.Get(name).Strong, warmUp: 5, forwards: 100);

    private static void AssertNoLeak(IChannel channel, int warmUp, int forwards)
    {
        using var model = new LlamaForCausalLM(LlamaForCausalLMTests.Tiny with { NumHiddenLayers = 2 }, seed: 8);
        var runner = new SplitRunner(model);
        using var generator = new Generator(1);
        using var ids = randint(0, 40, [1, 4], dtype: ScalarType.Int64, generator: generator);
        using var noGrad = no_grad();
        long LiveAfter(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var logits = runner.Forward(ids, i % (runner.LayerCount + 1), channel, generator);
            }
            return DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        }
        var baseline = LiveAfter(warmUp);
        Assert.Equal(baseline, LiveAfter(forwards));
    }
}
