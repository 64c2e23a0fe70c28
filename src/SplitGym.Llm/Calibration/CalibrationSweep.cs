using System.Diagnostics;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// Runs one shard of a calibration sweep: every owned cell of the grid gets channel draws until its
/// standard error reaches the target (see <see cref="SweepSettings"/>). Cells are visited split by
/// split so the UE-side hidden states of a split are computed once for all its cells; every finished
/// cell goes to the journal first, so a killed run resumes where it stopped.
/// </summary>
public sealed class CalibrationSweep
{
    private readonly CalibrationHeader _header;
    private readonly ShardSpec _shard;
    private readonly ICellEvaluator _evaluator;

    /// <summary>Prepares a sweep of <paramref name="shard"/> of the grid in <paramref name="header"/>.</summary>
    /// <exception cref="ArgumentException">The evaluator scores a different number of tokens than the header says.</exception>
    public CalibrationSweep(CalibrationHeader header, ShardSpec shard, ICellEvaluator evaluator)
    {
        header.Validate();
        if (evaluator.TokensPerRepeat != header.Evaluation.Tokens)
            throw new ArgumentException(
                $"The evaluator scores {evaluator.TokensPerRepeat} tokens per repeat but evaluation.tokens is {header.Evaluation.Tokens}.", nameof(evaluator));
        _header = header;
        _shard = shard;
        _evaluator = evaluator;
    }

    /// <summary>Called after every finished cell.</summary>
    public Action<SweepProgress>? Progress { get; init; }

    /// <summary>Measures every owned cell not yet in the journal at <paramref name="journalPath"/>.</summary>
    public SweepOutcome Run(string journalPath)
    {
        using var journal = CalibrationJournal.Open(journalPath, _header, _shard);
        var owned = _shard.OwnedCells(_header.Grid.CellCount).ToList();
        var pending = owned.Where(flat => !journal.Finished.ContainsKey(flat)).ToList();
        var clock = Stopwatch.StartNew();
        double clean = _evaluator.CleanPerplexity();
        foreach (var splitCells in pending.GroupBy(flat => _header.Grid.PointAt(flat).SplitIndex))
            MeasureSplit(journal, splitCells.ToList(), owned.Count, clock);
        return new SweepOutcome(clean, [.. owned.Select(flat => journal.Finished[flat])], pending.Count);
    }

    private void MeasureSplit(CalibrationJournal journal, List<int> cells, int total, Stopwatch clock)
    {
        int split = _header.Grid.Splits[_header.Grid.PointAt(cells[0]).SplitIndex];
        using var session = _evaluator.OpenSplit(split);
        foreach (int flat in cells)
        {
            var cell = MeasureCell(session, _header.Grid.PointAt(flat));
            journal.Append(cell);
            Progress?.Invoke(new SweepProgress(cell, journal.Finished.Count, total, clock.Elapsed));
        }
    }

    private PerplexityCell MeasureCell(ISplitSession session, GridPoint point)
    {
        var grid = _header.Grid;
        var sweep = _header.Sweep;
        int split = grid.Splits[point.SplitIndex];
        double intensity = grid.Intensities[point.IntensityIndex], shape = grid.Shapes[point.ShapeIndex];
        ulong cellSeed = CellSeed.Derive(sweep.Seed, split, intensity, shape);
        var draws = new List<double>();
        while (!Enough(draws, sweep))
            draws.Add(session.Perplexity(intensity, shape, cellSeed, draws.Count));
        return PerplexityCell.FromDraws(split, intensity, shape, _header.Evaluation.Tokens, draws);
    }

    private static bool Enough(List<double> draws, SweepSettings sweep)
    {
        if (draws.Count < sweep.MinRepeats)
            return false;
        if (draws.Count >= sweep.MaxRepeats)
            return true;
        var (mean, standardError) = PerplexityCell.Summarise(draws);
        return standardError <= sweep.TargetRelativeStandardError * mean;
    }
}
