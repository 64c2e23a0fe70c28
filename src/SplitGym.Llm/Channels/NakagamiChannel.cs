using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Channels;

/// <summary>
/// Nakagami-m fading with additive Gaussian noise, the paper's channel: ŷ = h⊙y + n, where the
/// amplitude h has h² ~ Gamma(shape m, scale Ω/m) with Ω = E[h²] = 1, and n ~ N(0, σ²). m = 1 is
/// Rayleigh fading; m = +∞ (or very large m) means no fading. With zero-forcing equalisation the
/// receiver outputs ŷ/h = y + n/h. Gamma variates come from libtorch's standard-gamma sampler driven
/// by the given generator.
/// </summary>
public sealed class NakagamiChannel : IChannel
{
    /// <summary>Creates the channel.</summary>
    /// <param name="m">Nakagami shape m ≥ 0.5; <see cref="double.PositiveInfinity"/> disables fading.</param>
    /// <param name="sigma">Noise intensity σ ≥ 0.</param>
    /// <param name="granularity">Independent fade per element, per token or per sequence.</param>
    /// <param name="scale">Unit of σ.</param>
    /// <param name="equalization">Receiver processing.</param>
    public NakagamiChannel(double m, double sigma, FadingGranularity granularity = FadingGranularity.PerElement,
        NoiseScale scale = NoiseScale.Absolute, Equalization equalization = Equalization.None)
    {
        if (!(m >= 0.5)) throw new ArgumentOutOfRangeException(nameof(m), m, "Nakagami shape m must be >= 0.5 (or +∞ for no fading).");
        GaussianNoise.RequireSigma(sigma);
        (M, Sigma, Granularity, Scale, Equalization) = (m, sigma, granularity, scale, equalization);
    }

    /// <summary>Nakagami shape m.</summary>
    public double M { get; }

    /// <summary>Noise intensity σ.</summary>
    public double Sigma { get; }

    /// <summary>Fading granularity.</summary>
    public FadingGranularity Granularity { get; }

    /// <summary>Unit of σ.</summary>
    public NoiseScale Scale { get; }

    /// <summary>Receiver equalisation.</summary>
    public Equalization Equalization { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor transmitted, Generator generator)
    {
        using var scope = NewDisposeScope();
        var signal = transmitted.to_type(ScalarType.Float32);
        var amplitude = SampleAmplitude(signal, generator);
        var noise = GaussianNoise.Sample(signal, Sigma, Scale, generator);
        var received = Equalization == Equalization.ZeroForcing ? signal + noise / amplitude : amplitude * signal + noise;
        return received.to_type(transmitted.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>Draws h with the granularity's shape ([B,T,H], [B,T,1] or [B,1,1]), float32.</summary>
    public Tensor SampleAmplitude(Tensor signal, Generator generator)
    {
        long[] shape = Granularity switch
        {
            FadingGranularity.PerElement => signal.shape,
            FadingGranularity.PerToken => [signal.shape[0], signal.shape[1], 1],
            _ => [signal.shape[0], 1, 1],
        };
        if (double.IsPositiveInfinity(M)) return ones(shape, ScalarType.Float32, signal.device);
        using var scope = NewDisposeScope();
        using var m = M.ToScalar();
        var concentration = full(shape, m, ScalarType.Float32, signal.device);
        var power = _standard_gamma(concentration, generator).div_(m);
        return power.sqrt_().MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override string ToString() => $"Nakagami(m={M}, σ={Sigma}, {Granularity}, {Scale}, {Equalization})";
}
