using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using SplitGym.Llm.Channels;
using SplitGym.Llm.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Channels;

/// <summary>
/// The combined channel ŷ = h⊙y + n with finite m and σ > 0, and its zero-forcing form ŷ = y + n/h,
/// checked against theory and against independent MathNet simulations. The input has half its
/// elements 0 (where only the noise term can show) and half a constant c (where the fade scales c).
/// </summary>
public class FadingWithNoiseStatisticsTests
{
    private const int Tokens = 2_000;
    private const int Width = 100;
    private const int PerHalf = Tokens * Width / 2;
    private const double Sigma = 0.5;
    private const double C = 2.0;

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void ZeroInputReceivesGaussianNoiseThatIsNotFaded(double m)
    {
        var (atZero, _) = Transmit(new NakagamiChannel(m, Sigma), seed: 21);
        var noise = new Normal(0, Sigma);
        Assert.True(KolmogorovSmirnov.Distance(atZero, noise.CumulativeDistribution) < KolmogorovSmirnov.Critical(PerHalf));
        Assert.InRange(atZero.Kurtosis(), -0.1, 0.1);

        // Teeth: h⊙(y + n) would send h·n here, whose excess kurtosis is 3/m ≥ 1; the same checks reject it.
        var fadedNoise = Simulate(m, seed: 1, (h, n) => h * n);
        Assert.True(KolmogorovSmirnov.Distance(fadedNoise, noise.CumulativeDistribution) > KolmogorovSmirnov.Critical(PerHalf));
        Assert.True(fadedNoise.Kurtosis() > 0.5, $"excess kurtosis of h·n {fadedNoise.Kurtosis()}, theory {3 / m}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void ConstantInputHasMeanCTimesMeanFadeAndFadePlusNoiseVariance(double m)
    {
        var (_, atC) = Transmit(new NakagamiChannel(m, Sigma), seed: 22);
        var (h1, h3, h4) = (FadeMoment(m, 1), FadeMoment(m, 3), FadeMoment(m, 4));
        var fadeVariance = 1 - h1 * h1;
        var fadeFourthCentral = h4 - 4 * h1 * h3 + 6 * h1 * h1 - 3 * Math.Pow(h1, 4);
        var fourthCentral = Math.Pow(C, 4) * fadeFourthCentral + 6 * C * C * fadeVariance * Sigma * Sigma + 3 * Math.Pow(Sigma, 4);
        MomentChecks.AssertMeanAndVariance(atC, C * h1, C * C * fadeVariance + Sigma * Sigma, fourthCentral, $"c·h + n for m = {m}");

        var reference = Simulate(m, seed: 2, (h, n) => C * h + n);
        Assert.True(KolmogorovSmirnov.Distance(atC, reference) < KolmogorovSmirnov.Critical(PerHalf, PerHalf));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void ZeroForcingAddsNoiseDividedByTheFade(double m)
    {
        var (atZero, atC) = Transmit(new NakagamiChannel(m, Sigma, equalization: Equalization.ZeroForcing), seed: 23);
        var reference = Simulate(m, seed: 3, (h, n) => n / h);
        var critical = KolmogorovSmirnov.Critical(PerHalf, PerHalf);
        Assert.True(KolmogorovSmirnov.Distance(atZero, reference) < critical, "y = 0 elements");
        Assert.True(KolmogorovSmirnov.Distance([.. atC.Select(value => value - C)], reference) < critical, "y = c elements");

        // Teeth: noise that the equaliser did not divide by h is rejected.
        Assert.True(KolmogorovSmirnov.Distance(atZero, new Normal(0, Sigma).CumulativeDistribution) > KolmogorovSmirnov.Critical(PerHalf));
    }

    /// <summary>Sends y [1, Tokens, Width] whose even columns are 0 and odd columns c; returns ŷ at the zeros and at the c's.</summary>
    private static (double[] AtZero, double[] AtC) Transmit(NakagamiChannel channel, ulong seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(seed);
        using Scalar two = 2, c = C;
        var row = arange(Width).remainder(two).to_type(ScalarType.Float32).mul(c);
        var received = channel.Apply(row.expand(1, Tokens, Width).contiguous(), generator);
        return (Tensors.Values(received[.., .., TensorIndex.Slice(0, null, 2)]), Tensors.Values(received[.., .., TensorIndex.Slice(1, null, 2)]));
    }

    /// <summary>E[h^k] of Nakagami(m, Ω = 1): Γ(m + k/2)/Γ(m) · m^(−k/2).</summary>
    private static double FadeMoment(double m, int k) =>
        Math.Exp(SpecialFunctions.GammaLn(m + k / 2.0) - SpecialFunctions.GammaLn(m)) * Math.Pow(m, -k / 2.0);

    /// <summary>Independent draws of <paramref name="combine"/>(h, n) with h = √Gamma(m, rate m) and n ~ N(0, σ²), from MathNet.</summary>
    private static double[] Simulate(double m, int seed, Func<double, double, double> combine)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, PerHalf).Select(_ => combine(Math.Sqrt(Gamma.Sample(random, m, m)), Normal.Sample(random, 0, Sigma)))];
    }
}
