using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Model;

/// <summary>
/// Rotary position embedding (RoPE) in the Hugging Face LLaMA layout: the head vector is split in two
/// halves that are rotated as pairs (x_i, x_{i+d/2}) by angle position · θ^(-2i/d). The cos/sin tables
/// are computed once (in float64, then rounded) for <c>max_position_embeddings</c> positions. They are
/// derived from the config, not learned, so they are deliberately not module state: they never appear
/// in a checkpoint and are moved to the input's device and dtype on use.
/// </summary>
public sealed class RotaryEmbedding : IDisposable
{
    private readonly Tensor _cos;
    private readonly Tensor _sin;

    /// <summary>Builds the tables.</summary>
    /// <param name="headDim">Per-head width (even).</param>
    /// <param name="maxPositions">Longest sequence supported, in tokens.</param>
    /// <param name="theta">Frequency base (rope_theta).</param>
    public RotaryEmbedding(int headDim, int maxPositions, double theta)
    {
        MaxPositions = maxPositions;
        using var scope = NewDisposeScope();
        using Scalar zero = 0, width = headDim, two = 2, positions = maxPositions;
        var exponents = arange(zero, width, two, dtype: ScalarType.Float64).div_(width);
        var inverseFrequency = pow(tensor(theta, ScalarType.Float64), exponents).reciprocal();
        var angles = outer(arange(positions, dtype: ScalarType.Float64), inverseFrequency);
        var doubled = cat([angles, angles], 1);
        _cos = doubled.cos().to_type(ScalarType.Float32).DetachFromDisposeScope();
        _sin = doubled.sin().to_type(ScalarType.Float32).DetachFromDisposeScope();
    }

    /// <summary>Longest sequence supported, in tokens.</summary>
    public int MaxPositions { get; }

    /// <summary>The cos and sin tables for positions [0, tokens), shape [tokens, head_dim].</summary>
    /// <exception cref="ArgumentOutOfRangeException">More tokens than <see cref="MaxPositions"/>.</exception>
    public (Tensor Cos, Tensor Sin) Angles(long tokens, ScalarType dtype, Device device)
    {
        if (tokens > MaxPositions)
            throw new ArgumentOutOfRangeException(nameof(tokens), tokens, $"Sequence of {tokens} tokens exceeds max_position_embeddings = {MaxPositions}.");
        return (_cos.narrow(0, 0, tokens).to(dtype, device), _sin.narrow(0, 0, tokens).to(dtype, device));
    }

    /// <summary>Rotates <paramref name="x"/> [batch, heads, tokens, head_dim] by the given angle tables.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var half = x.shape[^1] / 2;
        var rotatedHalf = cat([x.narrow(-1, half, half).neg(), x.narrow(-1, 0, half)], -1);
        return (x * cos + rotatedHalf * sin).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cos.Dispose();
        _sin.Dispose();
    }
}
