namespace SplitGym.Agents.Baselines;

/// <summary>The split-inference action that moves the split from one layer towards another.</summary>
public static class SplitMove
{
    /// <summary>Index of the split p in the observation [σ, m, p].</summary>
    public const int SplitIndex = 2;

    /// <summary>The action (in Discrete(2K + 1), K = <paramref name="maxMove"/>) that moves from <paramref name="current"/> as far towards <paramref name="target"/> as one step allows.</summary>
    public static int Towards(int current, int target, int maxMove) => maxMove + Math.Clamp(target - current, -maxMove, maxMove);

    /// <summary>The split in an observation (rounded: it is stored as a float).</summary>
    public static int SplitOf(ReadOnlySpan<float> observation) => (int)MathF.Round(observation[SplitIndex]);
}
