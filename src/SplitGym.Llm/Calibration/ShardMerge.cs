namespace SplitGym.Llm.Calibration;

/// <summary>
/// Combines the results of all shards of a sweep into one table, refusing anything inconsistent:
/// shards of different sweeps (model, evaluation, channel, repeat policy or grid), different shard
/// counts, the same shard twice, a missing shard, or clean perplexities that disagree.
/// </summary>
public static class ShardMerge
{
    /// <summary>Relative tolerance on the clean perplexity across shards (different hardware may round differently).</summary>
    public const double CleanPerplexityTolerance = 1e-6;

    /// <summary>Loads the shard files and merges them.</summary>
    /// <exception cref="InvalidDataException">A file is invalid or the shards are inconsistent; the message names the files.</exception>
    public static PerplexityTable Merge(IReadOnlyList<string> shardPaths) =>
        Merge([.. shardPaths.Select(path => (path, CalibrationShard.Load(path)))]);

    /// <summary>Merges already loaded shards; <c>Source</c> names each shard in error messages.</summary>
    /// <exception cref="InvalidDataException">The shards are inconsistent.</exception>
    public static PerplexityTable Merge(IReadOnlyList<(string Source, CalibrationShard Shard)> shards)
    {
        if (shards.Count == 0)
            throw new InvalidDataException("No shard files were given to merge.");
        var (firstSource, first) = shards[0];
        var bySlot = new (string Source, CalibrationShard Shard)?[first.Shard.Count];
        foreach (var (source, shard) in shards)
        {
            RequireConsistent(firstSource, first, source, shard);
            if (bySlot[shard.Shard.Index] is { } earlier)
                throw new InvalidDataException($"Shard {shard.Shard} appears twice: in '{earlier.Source}' and in '{source}'.");
            bySlot[shard.Shard.Index] = (source, shard);
        }
        RequireAllPresent(bySlot, first);
        return Assemble(first, bySlot.Select(s => s!.Value.Shard));
    }

    private static void RequireConsistent(string firstSource, CalibrationShard first, string source, CalibrationShard shard)
    {
        string? difference = first.Header.FirstDifference(shard.Header);
        if (difference is not null)
            throw new InvalidDataException($"Shard '{source}' is from a different sweep than '{firstSource}': {difference}.");
        if (shard.Shard.Count != first.Shard.Count)
            throw new InvalidDataException(
                $"Shard '{source}' is {shard.Shard} but '{firstSource}' is {first.Shard}: all shards must use the same shard count.");
        double gap = Math.Abs(shard.CleanPerplexity - first.CleanPerplexity);
        if (gap > CleanPerplexityTolerance * first.CleanPerplexity)
            throw new InvalidDataException(
                $"Shard '{source}' measured clean perplexity {shard.CleanPerplexity} but '{firstSource}' measured {first.CleanPerplexity}: the model or text differ.");
    }

    private static void RequireAllPresent((string Source, CalibrationShard Shard)?[] bySlot, CalibrationShard first)
    {
        var missing = Enumerable.Range(0, bySlot.Length).Where(i => bySlot[i] is null).ToList();
        if (missing.Count == 0)
            return;
        int missingCells = missing.Sum(i => new ShardSpec(i, bySlot.Length).OwnedCells(first.Header.Grid.CellCount).Count());
        throw new InvalidDataException(
            $"Shards {string.Join(", ", missing.Select(i => $"{i}/{bySlot.Length}"))} are missing ({missingCells} of {first.Header.Grid.CellCount} cells not measured).");
    }

    private static PerplexityTable Assemble(CalibrationShard first, IEnumerable<CalibrationShard> shards)
    {
        var cells = new PerplexityCell[first.Header.Grid.CellCount];
        foreach (var shard in shards)
        {
            var owned = shard.Shard.OwnedCells(cells.Length).ToList();
            for (int i = 0; i < owned.Count; i++)
                cells[owned[i]] = shard.Cells[i];
        }
        return new PerplexityTable(first.Header, first.CleanPerplexity, cells);
    }
}
