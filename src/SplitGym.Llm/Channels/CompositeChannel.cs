using static TorchSharp.torch;

namespace SplitGym.Llm.Channels;

/// <summary>Applies several channels in order (e.g. quantisation, then fading and noise), all drawing from the same generator.</summary>
public sealed class CompositeChannel : IChannel
{
    /// <summary>Creates the chain; an empty chain is the identity.</summary>
    public CompositeChannel(params IChannel[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        Stages = stages;
    }

    /// <summary>The channels in application order.</summary>
    public IReadOnlyList<IChannel> Stages { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor transmitted, Generator generator)
    {
        using var scope = NewDisposeScope();
        var signal = transmitted.alias();
        foreach (var stage in Stages) signal = stage.Apply(signal, generator);
        return signal.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" → ", Stages);
}
