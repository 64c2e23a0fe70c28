namespace SplitGym.Agents.Baselines;

/// <summary>The split-inference action that moves the split from one layer towards another.</summary>
public static class SplitMove
{
    /// <summary>Index of the split p in the observation [σ, m, p].</summary>
    public const int SplitIndex = 2;

    /// <summary>The action (in Discrete(2K + 1), K = <paramref name="maxMove"/>) that moves from <paramref name="current"/> as far towards <paramref name="target"/> as one step allows.</summary>
    public static int Towards(int current, int target, int maxMove) => maxMove + Math.Clamp(target - current, -maxMove, maxMove);

    /// <summary>
    /// As <see cref="Towards(int, int, int)"/>, but among the actions <paramref name="actionMask"/> allows
    /// (empty: all): the allowed action nearest to the preferred one, i.e. the allowed move that lands closest
    /// to <paramref name="target"/>; of two equally near, the lower index (the move towards the shallower split).
    /// Allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException">The mask's length is not 2K + 1 or it allows no action.</exception>
    public static int Towards(int current, int target, int maxMove, ReadOnlySpan<bool> actionMask)
    {
        int preferred = Towards(current, target, maxMove);
        ActionSelection.CheckMask(2 * maxMove + 1, actionMask);
        if (actionMask.IsEmpty) return preferred;
        int best = -1;
        for (int a = 0; a < actionMask.Length; a++)
        {
            if (actionMask[a] && (best < 0 || Math.Abs(a - preferred) < Math.Abs(best - preferred))) best = a;
        }
        return best;
    }

    /// <summary>The split in an observation (rounded: it is stored as a float).</summary>
    public static int SplitOf(ReadOnlySpan<float> observation) => (int)MathF.Round(observation[SplitIndex]);
}
