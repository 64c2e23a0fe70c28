using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Backends;

/// <summary>One point (p, σ, m) at which a learned perplexity model is asked or a real evaluation is made.</summary>
/// <param name="Split">Split p (layers on the UE).</param>
/// <param name="Channel">Channel state (σ, m).</param>
public readonly record struct ModelQuery(int Split, ChannelState Channel);
