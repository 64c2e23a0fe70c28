using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Channels;

/// <summary>Draws the additive white Gaussian noise n shared by the AWGN and Nakagami channels.</summary>
internal static class GaussianNoise
{
    /// <summary>Checks that σ is a finite non-negative number.</summary>
    public static void RequireSigma(double sigma)
    {
        if (!(sigma >= 0 && double.IsFinite(sigma)))
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "Noise intensity σ must be a finite number >= 0.");
    }

    /// <summary>n ~ N(0, s²) element-wise with s = σ (absolute) or σ·RMS(y) per sequence (relative), float32 like <paramref name="signal"/>.</summary>
    public static Tensor Sample(Tensor signal, double sigma, NoiseScale scale, Generator generator)
    {
        using var scope = NewDisposeScope();
        var noise = randn(signal.shape, ScalarType.Float32, signal.device, generator: generator);
        using var deviation = sigma.ToScalar();
        var scaled = scale == NoiseScale.Absolute ? noise.mul(deviation) : noise.mul(RootMeanSquarePerSequence(signal).mul(deviation));
        return scaled.MoveToOuterDisposeScope();
    }

    /// <summary>RMS over all but the batch dimension, shaped to broadcast against <paramref name="signal"/>.</summary>
    private static Tensor RootMeanSquarePerSequence(Tensor signal) =>
        signal.square().mean(Enumerable.Range(1, (int)signal.dim() - 1).Select(d => (long)d).ToArray(), keepdim: true).sqrt();
}
