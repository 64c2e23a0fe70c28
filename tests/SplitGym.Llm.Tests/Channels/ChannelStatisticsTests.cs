using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using SplitGym.Llm.Channels;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Channels;

/// <summary>Empirical distributions of the channel's random parts match theory (MathNet.Numerics as the reference).</summary>
public class ChannelStatisticsTests
{
    private const int Samples = 200_000;

    /// <summary>Kolmogorov-Smirnov critical value at α = 0.001 for n samples.</summary>
    private static double KsCritical(int n) => 1.95 / Math.Sqrt(n);

    private static double KsDistance(double[] samples, Func<double, double> cdf)
    {
        var sorted = samples.Order().ToArray();
        var distance = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var f = cdf(sorted[i]);
            distance = Math.Max(distance, Math.Max(Math.Abs(f - (double)i / sorted.Length), Math.Abs((double)(i + 1) / sorted.Length - f)));
        }
        return distance;
    }

    private static double[] Values(Tensor t) => t.to_type(ScalarType.Float64).flatten().data<double>().ToArray();

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
        var power = Values(amplitude.square());
        var reference = new Gamma(shape: m, rate: m);

        var (mean, variance) = (power.Mean(), power.Variance());
        var fourthCentralMoment = Math.Pow(reference.Variance, 2) * (3 + 6 / m);
        Assert.InRange(mean, reference.Mean - 5 * Math.Sqrt(reference.Variance / Samples), reference.Mean + 5 * Math.Sqrt(reference.Variance / Samples));
        var varianceBound = 5 * Math.Sqrt((fourthCentralMoment - Math.Pow(reference.Variance, 2)) / Samples);
        Assert.InRange(variance, reference.Variance - varianceBound, reference.Variance + varianceBound);
        Assert.True(KsDistance(power, reference.CumulativeDistribution) < KsCritical(Samples), $"KS distance too large for m = {m}");
    }

    [Fact]
    public void AbsoluteNoiseIsNormalWithStandardDeviationSigma()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var y = linspace(-2, 2, Samples).reshape(1, Samples / 50, 50);
        var noise = Values(new AwgnChannel(0.7).Apply(y, generator) - y);
        var reference = new Normal(0, 0.7);
        Assert.InRange(noise.Mean(), -5 * 0.7 / Math.Sqrt(Samples), 5 * 0.7 / Math.Sqrt(Samples));
        Assert.InRange(noise.Variance(), 0.49 * (1 - 5 * Math.Sqrt(2.0 / Samples)), 0.49 * (1 + 5 * Math.Sqrt(2.0 / Samples)));
        Assert.True(KsDistance(noise, reference.CumulativeDistribution) < KsCritical(Samples));
    }

    [Fact]
    public void RelativeNoiseScalesWithEachSequencesRms()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(4);
        using Scalar high = 3.0f, low = -0.5f;
        var y = cat([full([1, 1000, 50], high), full([1, 1000, 50], low)], 0);
        var noise = new AwgnChannel(0.2, NoiseScale.RelativeToSignal).Apply(y, generator) - y;
        var first = Values(noise[0]);
        var second = Values(noise[1]);
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
