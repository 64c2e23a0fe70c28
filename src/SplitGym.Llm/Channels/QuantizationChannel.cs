using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Channels;

/// <summary>
/// Uniform symmetric b-bit quantisation of y before transmission, with one scale per token (the
/// token vector's absolute maximum): ŷ = round(y / s · k) · s / k with k = 2^(b-1) − 1 levels on each
/// side of zero. Deterministic. The payload is b bits per value plus one float32 scale per token
/// (see <see cref="PayloadBytes"/>). Compose it before a noisy channel to model digital transmission.
/// </summary>
public sealed class QuantizationChannel : IChannel
{
    /// <summary>Creates the quantiser.</summary>
    /// <param name="bits">Bits per value, 2 to 16.</param>
    public QuantizationChannel(int bits)
    {
        if (bits is < 2 or > 16) throw new ArgumentOutOfRangeException(nameof(bits), bits, "Quantisation bits must lie in [2, 16].");
        Bits = bits;
    }

    /// <summary>Bits per transmitted value.</summary>
    public int Bits { get; }

    /// <summary>Bytes needed to send <paramref name="tokens"/> token vectors of width <paramref name="hidden"/>: packed b-bit codes plus a float32 scale per token.</summary>
    public long PayloadBytes(long tokens, long hidden) => tokens * ((hidden * Bits + 7) / 8 + sizeof(float));

    /// <inheritdoc />
    public Tensor Apply(Tensor transmitted, Generator generator)
    {
        using var scope = NewDisposeScope();
        int levelCount = (1 << (Bits - 1)) - 1;
        using var levels = levelCount.ToScalar();
        using var negativeLevels = (-levelCount).ToScalar();
        using var smallestStep = float.Epsilon.ToScalar();
        var signal = transmitted.to_type(ScalarType.Float32);
        var step = signal.abs().amax([-1L], keepdim: true).div_(levels).clamp_min_(smallestStep);
        var quantised = signal.div(step).round_().clamp_(negativeLevels, levels).mul_(step);
        return quantised.to_type(transmitted.dtype).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override string ToString() => $"Quantize({Bits} bit, per-token absmax)";
}
