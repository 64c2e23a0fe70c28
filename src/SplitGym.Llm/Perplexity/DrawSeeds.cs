namespace SplitGym.Llm.Perplexity;

/// <summary>
/// Derives the seed of the channel draw for one (repeat, window) pair from a base seed with the
/// SplitMix64 mixer, so that each window's noise depends only on (seed, repeat, window) and not on
/// how windows are batched or in which order they are evaluated.
/// </summary>
public static class DrawSeeds
{
    /// <summary>The generator seed of window <paramref name="window"/> in repeat <paramref name="repeat"/>.</summary>
    public static ulong For(ulong seed, int repeat, int window) =>
        Mix(Mix(Mix(seed) ^ (ulong)repeat) ^ (ulong)window);

    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
