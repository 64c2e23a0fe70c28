using SplitGym.Llm.Channels;

namespace SplitGym.Llm.Tests.Channels;

/// <summary>One kind of channel in two settings: one that clearly corrupts the hidden state, and one whose parameters make it the identity.</summary>
/// <param name="Name">Name used as theory data.</param>
/// <param name="Strong">A setting that changes the logits and raises perplexity.</param>
/// <param name="Identity">The same channel with identity parameters (σ = 0, very large m, q = 0, 16 bits).</param>
/// <param name="IsRandom">Whether the output depends on the generator (quantisation alone does not).</param>
public sealed record ChannelCase(string Name, IChannel Strong, IChannel Identity, bool IsRandom);
