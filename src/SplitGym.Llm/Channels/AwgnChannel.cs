using static TorchSharp.torch;

namespace SplitGym.Llm.Channels;

/// <summary>Additive white Gaussian noise, ŷ = y + n with n ~ N(0, σ²) per element (σ absolute or relative to RMS(y)).</summary>
public sealed class AwgnChannel : IChannel
{
    /// <summary>Creates the channel.</summary>
    /// <param name="sigma">Noise intensity σ ≥ 0 (see <paramref name="scale"/> for its unit).</param>
    /// <param name="scale">Whether σ is in hidden-state units or relative to the signal's RMS.</param>
    public AwgnChannel(double sigma, NoiseScale scale = NoiseScale.Absolute)
    {
        GaussianNoise.RequireSigma(sigma);
        Sigma = sigma;
        Scale = scale;
    }

    /// <summary>Noise intensity σ.</summary>
    public double Sigma { get; }

    /// <summary>Unit of σ.</summary>
    public NoiseScale Scale { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor transmitted, Generator generator)
    {
        using var scope = NewDisposeScope();
        var signal = transmitted.to_type(ScalarType.Float32);
        var received = signal + GaussianNoise.Sample(signal, Sigma, Scale, generator);
        return received.to_type(transmitted.dtype).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override string ToString() => $"AWGN(σ={Sigma}, {Scale})";
}
