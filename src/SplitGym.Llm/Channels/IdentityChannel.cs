using static TorchSharp.torch;

namespace SplitGym.Llm.Channels;

/// <summary>A perfect link, ŷ = y (returns a copy-free alias); the clean baseline of every perplexity comparison.</summary>
public sealed class IdentityChannel : IChannel
{
    /// <summary>The shared instance.</summary>
    public static IdentityChannel Instance { get; } = new();

    /// <inheritdoc />
    public Tensor Apply(Tensor transmitted, Generator generator) => transmitted.alias();

    /// <inheritdoc />
    public override string ToString() => "Identity";
}
