using SplitGym.Core;

namespace SplitGym.Envs.Channel;

/// <summary>How the channel changes between steps of an episode (the agent sees the new state in the next observation).</summary>
public interface IChannelDrift
{
    /// <summary>The channel one step later, inside <paramref name="range"/>, drawing randomness only from <paramref name="rng"/>.</summary>
    ChannelState Next(ChannelState state, ChannelRange range, Rng rng);

    /// <summary>Throws a clear error when the drift's parameters are invalid; returns itself otherwise.</summary>
    IChannelDrift Validated();
}
