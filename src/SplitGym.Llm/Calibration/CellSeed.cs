namespace SplitGym.Llm.Calibration;

/// <summary>
/// Seeds of the channel draws of a cell. A cell's seed is a hash of the base seed and the cell's axis
/// values only, so a cell gives the same result whichever shard computes it, in whatever order, and
/// whatever else is on the grid. Draw r of the cell then uses the engine's per-(seed, repeat, window)
/// derivation (<see cref="Perplexity.DrawSeeds"/>), so a cell's draws are exactly those of
/// <see cref="Perplexity.PerplexityEvaluator.Evaluate"/> with the cell's seed.
/// </summary>
public static class CellSeed
{
    /// <summary>The seed of the cell at (split, intensity, shape).</summary>
    public static ulong Derive(ulong baseSeed, int split, double intensity, double shape)
    {
        ulong state = Mix(baseSeed);
        state = Mix(state ^ (ulong)split);
        state = Mix(state ^ (ulong)BitConverter.DoubleToInt64Bits(intensity));
        return Mix(state ^ (ulong)BitConverter.DoubleToInt64Bits(shape));
    }

    /// <summary>SplitMix64 finaliser: a bijective mixer whose output bits all depend on all input bits.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
