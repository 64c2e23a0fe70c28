namespace SplitGym.Llm.Calibration;

/// <summary>
/// How many Monte-Carlo channel draws a cell gets. A cell is repeated until the standard error of
/// its mean perplexity is at most <see cref="TargetRelativeStandardError"/> of the mean, but at least
/// <see cref="MinRepeats"/> times (two draws are the fewest that estimate a spread; a few more make
/// that estimate trustworthy) and at most <see cref="MaxRepeats"/> times (bounds the cost of a cell
/// whose perplexity is heavy-tailed; such a cell then reports its larger error honestly).
/// </summary>
/// <param name="MinRepeats">Fewest channel draws per cell, at least 2.</param>
/// <param name="MaxRepeats">Most channel draws per cell, at least <paramref name="MinRepeats"/>.</param>
/// <param name="TargetRelativeStandardError">Stop when standard error ≤ this fraction of the mean (0.02 = 2 %).</param>
/// <param name="Seed">Base seed; each draw's seed derives from it and the cell's coordinates only.</param>
public sealed record SweepSettings(int MinRepeats, int MaxRepeats, double TargetRelativeStandardError, ulong Seed)
{
    /// <summary>The settings of the shipped tables: 3..40 draws, 2 % target, seed 20250601.</summary>
    public static SweepSettings Default { get; } = new(3, 40, 0.02, 20250601);

    internal void Validate()
    {
        if (MinRepeats < 2)
            throw new InvalidDataException($"sweep.minRepeats must be at least 2 (a standard error needs two draws), got {MinRepeats}.");
        if (MaxRepeats < MinRepeats)
            throw new InvalidDataException($"sweep.maxRepeats ({MaxRepeats}) must be at least sweep.minRepeats ({MinRepeats}).");
        Require.FinitePositive(TargetRelativeStandardError, "sweep.targetRelativeStandardError");
    }
}
