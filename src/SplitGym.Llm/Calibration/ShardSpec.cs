namespace SplitGym.Llm.Calibration;

/// <summary>
/// Which share of a grid one process computes: shard <see cref="Index"/> of <see cref="Count"/>
/// owns the cells whose row-major index is congruent to <see cref="Index"/> modulo <see cref="Count"/>.
/// Round-robin rather than contiguous blocks, because the edge-side cost of a cell falls with the
/// split point and contiguous blocks would give the first shard the slowest cells. Indices are
/// zero-based, like Slurm array task ids and Kubernetes completion indices.
/// </summary>
/// <param name="Index">Zero-based shard index, <c>0 ≤ Index &lt; Count</c>.</param>
/// <param name="Count">Number of shards, at least 1.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The single shard that owns the whole grid.</summary>
    public static ShardSpec Whole { get; } = new(0, 1);

    /// <summary>True when this shard owns the whole grid.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>True when this shard computes the cell at row-major index <paramref name="flatIndex"/>.</summary>
    public bool Owns(int flatIndex) => flatIndex % Count == Index;

    /// <summary>The row-major indices this shard owns in a grid of <paramref name="cellCount"/> cells, ascending.</summary>
    public IEnumerable<int> OwnedCells(int cellCount)
    {
        for (int flat = Index; flat < cellCount; flat += Count)
            yield return flat;
    }

    /// <summary>Parses <c>i/N</c>, e.g. <c>0/4</c>.</summary>
    /// <exception cref="FormatException">The text is not <c>i/N</c> with <c>0 ≤ i &lt; N</c>.</exception>
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        bool ok = parts.Length == 2 && int.TryParse(parts[0], out int index) && int.TryParse(parts[1], out int count)
            && count >= 1 && index >= 0 && index < count;
        if (!ok)
            throw new FormatException($"Shard '{text}' is not of the form i/N with 0 ≤ i < N (zero-based), e.g. 0/4.");
        return new ShardSpec(int.Parse(parts[0]), int.Parse(parts[1]));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";

    internal void Validate()
    {
        if (Count < 1 || Index < 0 || Index >= Count)
            throw new InvalidDataException($"shard must satisfy 0 ≤ index < count, got {Index}/{Count}.");
    }
}
