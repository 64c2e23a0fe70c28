using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Channels;

/// <summary>
/// Element erasure: each value of y is independently zeroed with probability q and the survivors are
/// not rescaled (so E[ŷ] = (1-q)·y). This is what the authors' released code does (a dropout mask
/// without the 1/(1-q) correction); it is offered to reproduce their numbers.
/// </summary>
public sealed class ErasureChannel : IChannel
{
    /// <summary>Creates the channel.</summary>
    /// <param name="probability">Erasure probability q in [0, 1].</param>
    public ErasureChannel(double probability)
    {
        if (!(probability is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Erasure probability q must lie in [0, 1].");
        Probability = probability;
    }

    /// <summary>Erasure probability q.</summary>
    public double Probability { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor transmitted, Generator generator)
    {
        using var scope = NewDisposeScope();
        using var probability = Probability.ToScalar();
        var keep = rand(transmitted.shape, ScalarType.Float32, transmitted.device, generator: generator).ge_(probability);
        return transmitted.mul(keep.to_type(transmitted.dtype)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override string ToString() => $"Erasure(q={Probability})";
}
