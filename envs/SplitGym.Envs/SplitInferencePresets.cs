using SplitGym.Envs.Channel;
using SplitGym.Envs.Rewards;

namespace SplitGym.Envs;

/// <summary>Named option sets for reproducing published setups.</summary>
public static class SplitInferencePresets
{
    /// <summary>
    /// The environment of the authors' released code, without its bugs: erasure channel with
    /// q ~ U(0.01, 0.3) per episode drifting by a factor in [0.9995, 1.002] per move, splits 1..10,
    /// moves of up to ±4 layers (<c>Discrete(9)</c>; our action a means a move of a − 4, where their
    /// code listed {stay, ±1, …, ±4} in another order; past a boundary the move is clipped, which is
    /// their "largest legal move"), 5-step episodes, and their live reward
    /// <c>10.5·(PPL0 − PPL)/PPL0 + (10 − p)/10</c> with PPL0 the clean perplexity. Their observation was
    /// <c>[q, p]</c>; ours keeps the three-entry layout <c>[q, 0, p]</c> (m = 0: erasure has no fading).
    /// Not copied: the perplexity routine called with wrong arguments, the stale PPL0 carried across
    /// episodes, and 20-token perplexity windows (the calibrated table uses explicit windows).
    /// Use it with the erasure table (<c>variant = erasure</c>).
    /// </summary>
    public static SplitInferenceOptions Authors { get; } = new()
    {
        SplitMin = 1,
        SplitMax = 10,
        MaxMove = 4,
        RewardForm = RewardForm.AuthorsCode,
        ChannelRange = new ChannelRange(0.01, 0.3, 0, 0),
        Drift = MultiplicativeDrift.Authors,
        EpisodeLength = 5,
    };
}
