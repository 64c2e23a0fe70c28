using FsCheck;
using FsCheck.Xunit;
using SplitGym.Llm.Channels;
using SplitGym.Llm.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Channels;

public class ChannelBehaviourTests
{
    private static Tensor Signal(int seed)
    {
        using Scalar amplitude = 3;
        return randn([2, 6, 8], generator: new Generator((ulong)seed)) * amplitude;
    }

    public static TheoryData<string> NoiselessChannels() => ["awgn-0", "nakagami-inf", "nakagami-inf-zf", "erasure-0", "composite-empty", "identity"];

    private static IChannel Create(string name) => name switch
    {
        "awgn-0" => new AwgnChannel(0),
        "nakagami-inf" => new NakagamiChannel(double.PositiveInfinity, 0),
        "nakagami-inf-zf" => new NakagamiChannel(double.PositiveInfinity, 0, equalization: Equalization.ZeroForcing),
        "erasure-0" => new ErasureChannel(0),
        "composite-empty" => new CompositeChannel(),
        _ => IdentityChannel.Instance,
    };

    [Theory]
    [MemberData(nameof(NoiselessChannels))]
    public void NoiselessSettingsLeaveTheSignalUnchanged(string name)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var y = Signal(1);
        Assert.True(Tensors.Identical(y, Create(name).Apply(y, generator)));
    }

    [Theory]
    [InlineData(FadingGranularity.PerElement)]
    [InlineData(FadingGranularity.PerToken)]
    [InlineData(FadingGranularity.PerTensor)]
    public void VeryLargeMLeavesTheSignalUnchanged(FadingGranularity granularity)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var y = Signal(2);
        var received = new NakagamiChannel(1e12, 0, granularity).Apply(y, generator);
        Assert.True(received.allclose(y, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void ZeroForcingWithoutNoiseRecoversTheSignal()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var y = Signal(3);
        var received = new NakagamiChannel(2, 0, equalization: Equalization.ZeroForcing).Apply(y, generator);
        Assert.True(received.allclose(y, rtol: 1e-5, atol: 1e-5));
        Assert.False(new NakagamiChannel(2, 0).Apply(y, generator).allclose(y, rtol: 1e-3, atol: 1e-3));
    }

    [Fact]
    public void GranularityControlsWhichValuesShareAFade()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var y = ones([3, 5, 7]);
        var perToken = new NakagamiChannel(1, 0, FadingGranularity.PerToken).Apply(y, generator);
        var perTensor = new NakagamiChannel(1, 0, FadingGranularity.PerTensor).Apply(y, generator);
        var perElement = new NakagamiChannel(1, 0, FadingGranularity.PerElement).Apply(y, generator);
        Assert.True(perToken.eq(perToken[.., .., 0..1]).all().item<bool>());
        Assert.False(perToken.eq(perToken[.., 0..1, 0..1]).all().item<bool>());
        Assert.True(perTensor.eq(perTensor[.., 0..1, 0..1]).all().item<bool>());
        Assert.False(perTensor.eq(perTensor[0..1, 0..1, 0..1]).all().item<bool>());
        Assert.False(perElement.eq(perElement[.., .., 0..1]).all().item<bool>());
    }

    [Property(MaxTest = 25)]
    public bool SameSeedGivesTheSameNoise(PositiveInt seed, NormalFloat sigma, bool perToken)
    {
        using var scope = NewDisposeScope();
        var channel = new NakagamiChannel(1.5, Math.Abs(sigma.Get), perToken ? FadingGranularity.PerToken : FadingGranularity.PerElement);
        var y = Signal(seed.Get);
        using var first = new Generator((ulong)seed.Get);
        using var second = new Generator((ulong)seed.Get);
        using var other = new Generator((ulong)seed.Get + 1);
        var a = channel.Apply(y, first);
        return Tensors.Identical(a, channel.Apply(y, second)) && !Tensors.Identical(a, channel.Apply(y, other));
    }

    [Property(MaxTest = 25)]
    public bool ErasureOutputIsEitherZeroOrTheInput(PositiveInt seed, NormalFloat q)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed.Get);
        var probability = Math.Abs(q.Get) % 1.0;
        var y = Signal(seed.Get);
        var received = new ErasureChannel(probability).Apply(y, generator);
        using Scalar zero = 0;
        return received.eq(zero).logical_or(received.eq(y)).all().item<bool>();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void QuantisationErrorIsAtMostHalfAStepWithLimitedLevels(int bits)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var y = Signal(4);
        var received = new QuantizationChannel(bits).Apply(y, generator);
        var levels = (1 << (bits - 1)) - 1;
        var step = y.abs().amax([-1L], keepdim: true) / levels;
        Assert.True((received - y).abs().le(step / 2 + 1e-6).all().item<bool>());
        for (var t = 0; t < 6; t++) Assert.True(received[0, t].unique().Item1.numel() <= 2 * levels + 1);
        Assert.True(received.abs().amax([-1L]).allclose(y.abs().amax([-1L])));
    }

    [Fact]
    public void QuantisationPayloadCountsPackedBitsAndScales()
    {
        Assert.Equal(10 * (96 + 4), new QuantizationChannel(8).PayloadBytes(10, 96));
        Assert.Equal(3 * (2 + 4), new QuantizationChannel(3).PayloadBytes(3, 5));
    }

    [Fact]
    public void CompositeAppliesStagesInOrder()
    {
        using var scope = NewDisposeScope();
        var y = Signal(5);
        using var g1 = new Generator(9);
        using var g2 = new Generator(9);
        var composite = new CompositeChannel(new QuantizationChannel(4), new AwgnChannel(0.1)).Apply(y, g1);
        var manual = new AwgnChannel(0.1).Apply(new QuantizationChannel(4).Apply(y, g2), g2);
        Assert.True(Tensors.Identical(composite, manual));
    }

    [Fact]
    public void HalfPrecisionSignalsKeepTheirDtype()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var y = Signal(6).to_type(ScalarType.BFloat16);
        IChannel[] channels = [new AwgnChannel(0.1), new NakagamiChannel(1, 0.1), new ErasureChannel(0.1), new QuantizationChannel(8)];
        Assert.All(channels, channel => Assert.Equal(ScalarType.BFloat16, channel.Apply(y, generator).dtype));
    }

    [Fact]
    public void InvalidParametersAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AwgnChannel(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AwgnChannel(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NakagamiChannel(0.4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NakagamiChannel(double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ErasureChannel(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantizationChannel(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantizationChannel(17));
    }
}
