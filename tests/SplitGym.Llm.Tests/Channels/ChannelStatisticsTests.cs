using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using SplitGym.Llm.Channels;
using SplitGym.Llm.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Channels;

/// <summary>Empirical distributions of the channel's random parts match theory (MathNet.Numerics as the reference).</summary>
public class ChannelStatisticsTests
{
    private const int Samples = 200_000;

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(12.0)]
    public void FadingPowerIsGammaWithShapeMAndUnitMean(double m)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(11);
        var channel = new NakagamiChannel(m, sigma: 0);
        var amplitude = channel.SampleAmplitude(zeros([1, Samples / 100, 100]), generator);
        AssertGammaPower(Tensors.Values(amplitude.square()), m);
    }

    /// <summary>Through the whole channel (y = 1, σ = 0, so ŷ = h): one fade per token or per sequence, each with h² ~ Gamma(m, 1/m).</summary>
    [Theory]
    [InlineData(FadingGranularity.PerToken, 0.5)]
    [InlineData(FadingGranularity.PerToken, 2.0)]
    [InlineData(FadingGranularity.PerTensor, 0.5)]
    [InlineData(FadingGranularity.PerTensor, 2.0)]
    public void SharedFadesArePowerGammaDistributed(FadingGranularity granularity, double m)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(12);
        long[] shape = granularity == FadingGranularity.PerToken ? [4, Samples / 4, 3] : [Samples, 2, 3];
        var received = new NakagamiChannel(m, 0, granularity).Apply(ones(shape), generator);
        var firstOfEachFade = granularity == FadingGranularity.PerToken ? received[.., .., 0] : received[.., 0, 0];
        AssertGammaPower(Tensors.Values(firstOfEachFade.square()), m);
    }

    /// <summary>h² has the moments and the distribution of Gamma(shape m, rate m) (MathNet), i.e. mean Ω = 1.</summary>
    private static void AssertGammaPower(double[] power, double m)
    {
        var reference = new Gamma(shape: m, rate: m);
        var fourthCentralMoment = Math.Pow(reference.Variance, 2) * (3 + 6 / m);
        MomentChecks.AssertMeanAndVariance(power, reference.Mean, reference.Variance, fourthCentralMoment, $"h² for m = {m}");
        Assert.True(KolmogorovSmirnov.Distance(power, reference.CumulativeDistribution) < KolmogorovSmirnov.Critical(power.Length), $"KS distance too large for m = {m}");
    }

    [Fact]
    public void AbsoluteNoiseIsNormalWithStandardDeviationSigma()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var y = linspace(-2, 2, Samples).reshape(1, Samples / 50, 50);
        var noise = Tensors.Values(new AwgnChannel(0.7).Apply(y, generator) - y);
        var reference = new Normal(0, 0.7);
        Assert.InRange(noise.Mean(), -5 * 0.7 / Math.Sqrt(Samples), 5 * 0.7 / Math.Sqrt(Samples));
        Assert.InRange(noise.Variance(), 0.49 * (1 - 5 * Math.Sqrt(2.0 / Samples)), 0.49 * (1 + 5 * Math.Sqrt(2.0 / Samples)));
        Assert.True(KolmogorovSmirnov.Distance(noise, reference.CumulativeDistribution) < KolmogorovSmirnov.Critical(Samples));
    }

    [Fact]
    public void RelativeNoiseScalesWithEachSequencesRms()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4);
        using Scalar high = 3.0f, low = -0.5f;
        var y = cat([full([1, 1000, 50], high), full([1, 1000, 50], low)], 0);
        var noise = new AwgnChannel(0.2, NoiseScale.RelativeToSignal).Apply(y, generator) - y;
        var first = Tensors.Values(noise[0]);
        var second = Tensors.Values(noise[1]);
        Assert.InRange(first.StandardDeviation(), 0.6 * 0.98, 0.6 * 1.02);
        Assert.InRange(second.StandardDeviation(), 0.1 * 0.98, 0.1 * 1.02);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.3)]
    public void ErasureZeroesAFractionQWithoutRescaling(double q)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        using Scalar zero = 0, one = 1;
        var y = rand([4, 500, 100]) + one;
        var received = new ErasureChannel(q).Apply(y, generator);
        var erased = received.eq(zero).to_type(ScalarType.Float64).mean().item<double>();
        var bound = 5 * Math.Sqrt(q * (1 - q) / y.numel());
        Assert.InRange(erased, q - bound, q + bound);
        Assert.True(received.eq(zero).logical_or(received.eq(y)).all().item<bool>());
    }

    [Fact]
    public void BinomialErasureCountMatchesMathNetReference()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(6);
        var received = new ErasureChannel(0.2).Apply(ones([1, 1, 10_000]), generator);
        using Scalar zero = 0;
        var count = received.eq(zero).sum().item<long>();
        var binomial = new Binomial(0.2, 10_000);
        Assert.InRange(binomial.CumulativeDistribution(count), 0.0005, 0.9995);
    }
}
