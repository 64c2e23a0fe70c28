using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Llm.Cost;

namespace SplitGym.Llm.Tests.Cost;

public class ComputeLoadTests
{
    // d=8, h=2, h_kv=1 (kv=4), I=16, V=10, T=3 (k̄=2), L=2. Worked by hand:
    // attention = 2·2·64 + 2·2·8·4 + 3·(8+4) + 2·2·8·2 + 5·2·2 = 256+128+36+64+20 = 504
    // feed-forward = 3·2·8·16 + 4·16 + 16 = 848; norms 2·32 = 64; residuals 16 → layer 1432
    // embedding 8; head 4·8 + 2·8·10 = 192; total 8 + 2·1432 + 192 = 3064.
    private static readonly DecoderDimensions Small = new(8, 16, 2, 1, 10, 2, 3);

    [Fact]
    public void MatchesHandComputedFlops()
    {
        var load = new ComputeLoad(Small);
        Assert.Equal(1432, load.Flops.DecoderLayer, 9);
        Assert.Equal(3064, load.Flops.Total, 9);
        Assert.Equal(1440.0 / 3064, load.UeShare(1), 12);
        Assert.Equal(8.0 / 3064, load.UeShare(0), 12);
        Assert.Equal(2872.0 / 3064, load.UeShare(2), 12);
    }

    [Fact]
    public void OverriddenHeadWidthWidensAttentionOnly()
    {
        // head size 6 instead of 4: q = 12, kv = 6. attention = 2·2·8·12 + 2·2·8·6 + 3·18 + 2·2·12·2 + 20 = 384+192+54+96+20 = 746
        var flops = new FlopModel(Small with { HeadSizeOverride = 6 });
        Assert.Equal(746, flops.Attention, 9);
        Assert.Equal(848, flops.FeedForward, 9);
    }

    [Fact]
    public void DimensionsComeFromLlamaConfig()
    {
        var config = new SplitGym.Llm.Model.LlamaConfig
        {
            HiddenSize = 96, IntermediateSize = 256, NumHiddenLayers = 32, NumAttentionHeads = 4, NumKeyValueHeads = 2, VocabSize = 256,
        };
        var dims = DecoderDimensions.From(config, 128);
        Assert.Equal(new DecoderDimensions(96, 256, 4, 2, 256, 32, 128), dims);
        Assert.Equal(48, dims.KeyValueSize);
    }

    [Fact]
    public void RejectsSplitOutsideModel()
    {
        var load = new ComputeLoad(Small);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => load.UeShare(3));
        Assert.Contains("0..2", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => load.UeShare(-1));
    }

    [Fact]
    public void RejectsHeadsThatDoNotDivideWidth()
    {
        var error = Assert.Throws<ArgumentException>(() => new ComputeLoad(Small with { NumAttentionHeads = 3 }));
        Assert.Contains("not divisible", error.Message);
        Assert.Throws<ArgumentException>(() => new ComputeLoad(Small with { VocabSize = 0 }));
    }

    [Property(MaxTest = 200)]
    public Property ShareIsStrictlyIncreasingAndInsideUnitInterval(PositiveInt heads, PositiveInt headSize, PositiveInt layers, PositiveInt vocab, PositiveInt window)
    {
        int h = 1 + heads.Get % 8, hd = 1 + headSize.Get % 32, l = 1 + layers.Get % 40;
        var load = new ComputeLoad(new DecoderDimensions(h * hd, 1 + 3 * h * hd, h, 1, 1 + vocab.Get % 50000, l, 1 + window.Get % 4096));
        var shares = Enumerable.Range(1, l - 1).Select(load.UeShare).ToArray();
        bool inside = shares.All(c => c > 0 && c < 1);
        bool increasing = shares.Zip(shares.Skip(1), (a, b) => b > a).All(x => x);
        return (inside && increasing).Label($"shares {string.Join(", ", shares)}");
    }
}
