namespace SplitGym.Llm.Calibration;

/// <summary>
/// Seeds of the channel draws. A draw's seed is a hash of the base seed, the cell's axis values and
/// the repeat number only, so a cell gives the same result whichever shard computes it, in whatever
/// order, and whatever else is on the grid.
/// </summary>
public static class CellSeed
{
    /// <summary>The seed of draw <paramref name="repeat"/> of the cell at (split, intensity, shape).</summary>
    public static ulong Derive(ulong baseSeed, int split, double intensity, double shape, int repeat)
    {
        ulong state = Mix(baseSeed);
        state = Mix(state ^ (ulong)split);
        state = Mix(state ^ (ulong)BitConverter.DoubleToInt64Bits(intensity));
        state = Mix(state ^ (ulong)BitConverter.DoubleToInt64Bits(shape));
        return Mix(state ^ (ulong)repeat);
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
