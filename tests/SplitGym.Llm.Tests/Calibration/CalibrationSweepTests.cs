using SplitGym.Llm.Calibration;

namespace SplitGym.Llm.Tests.Calibration;

public class CalibrationSweepTests
{
    private static SweepOutcome Sweep(string journal, ICellEvaluator evaluator, CalibrationHeader? header = null, ShardSpec? shard = null) =>
        new CalibrationSweep(header ?? CalibrationSamples.Header(), shard ?? ShardSpec.Whole, evaluator).Run(journal);

    private static string JournalPath() => Path.Combine(CalibrationSamples.TempFolder(), "sweep.journal");

    [Fact]
    public void MeasuresEveryCellToTargetAndOpensEachSplitOnce()
    {
        var evaluator = new FakeCellEvaluator();
        var header = CalibrationSamples.Header();
        var outcome = Sweep(JournalPath(), evaluator, header);

        Assert.Equal(header.Grid.CellCount, outcome.Cells.Count);
        Assert.Equal(header.Grid.CellCount, outcome.Measured);
        Assert.Equal([1, 2, 3], evaluator.SplitsOpened);
        Assert.Empty(outcome.AboveTarget(header.Sweep));
        foreach (var cell in outcome.Cells)
            Assert.InRange(cell.Mean, FakeCellEvaluator.Expected(cell.Split, cell.Intensity, cell.Shape) * 0.95, FakeCellEvaluator.Expected(cell.Split, cell.Intensity, cell.Shape) * 1.05);
        var table = new PerplexityTable(header, outcome.CleanPerplexity, outcome.Cells);
        Assert.Equal(FakeCellEvaluator.Clean, table.CleanPerplexity);
    }

    [Fact]
    public void RepeatsStopAtMinimumWhenPreciseAndAtMaximumWhenNot()
    {
        var header = CalibrationSamples.Header();
        var precise = Sweep(JournalPath(), new FakeCellEvaluator(relativeSpread: 0), header);
        var noisy = Sweep(JournalPath(), new FakeCellEvaluator(relativeSpread: 0.9), header);

        Assert.All(precise.Cells, c => Assert.Equal(header.Sweep.MinRepeats, c.Repeats));
        Assert.Contains(noisy.Cells, c => c.Repeats == header.Sweep.MaxRepeats);
        Assert.NotEmpty(noisy.AboveTarget(header.Sweep));
        Assert.All(noisy.AboveTarget(header.Sweep), c => Assert.Equal(header.Sweep.MaxRepeats, c.Repeats));
    }

    [Fact]
    public void ResumeAfterCrashWithTornLineLosesNothingAndRecomputesNothing()
    {
        string journal = JournalPath();
        var reference = Sweep(JournalPath(), new FakeCellEvaluator());

        var crashing = new FakeCellEvaluator(crashAfterCells: 7);
        Assert.Throws<SimulatedCrashException>(() => Sweep(journal, crashing));
        File.AppendAllText(journal, "{\"split\":3,\"intensity\":0.5,\"sha");

        var resumed = new FakeCellEvaluator();
        var outcome = Sweep(journal, resumed);

        Assert.Equal(reference.Cells.Count - 7, outcome.Measured);
        Assert.Empty(resumed.CellsStarted.Intersect(crashing.CellsStarted));
        Assert.Equal(reference.Cells.Select(c => c.Values), outcome.Cells.Select(c => c.Values));
        Assert.Equal(reference.Cells.Count + 1, File.ReadAllLines(journal).Length);
    }

    [Fact]
    public void RerunOfFinishedSweepMeasuresNothing()
    {
        string journal = JournalPath();
        Sweep(journal, new FakeCellEvaluator());
        var again = new FakeCellEvaluator();
        var outcome = Sweep(journal, again);
        Assert.Equal(0, outcome.Measured);
        Assert.Empty(again.CellsStarted);
        Assert.Empty(again.SplitsOpened);
    }

    [Fact]
    public void JournalOfDifferentSweepIsRefused()
    {
        string journal = JournalPath();
        Sweep(journal, new FakeCellEvaluator());
        var other = CalibrationSamples.Header(intensities: [0, 0.25]);
        var error = Assert.Throws<InvalidOperationException>(() => Sweep(journal, new FakeCellEvaluator(), other));
        Assert.Contains("grid differs", error.Message);
        var shardError = Assert.Throws<InvalidOperationException>(() => Sweep(journal, new FakeCellEvaluator(), shard: new ShardSpec(0, 2)));
        Assert.Contains("shard differs", shardError.Message);
    }

    [Fact]
    public void CorruptCompleteLineIsReportedWithItsNumber()
    {
        string journal = JournalPath();
        Sweep(journal, new FakeCellEvaluator());
        var lines = File.ReadAllLines(journal);
        lines[2] = lines[2][..10];
        File.WriteAllLines(journal, lines);
        var error = Assert.Throws<InvalidDataException>(() => Sweep(journal, new FakeCellEvaluator()));
        Assert.Contains("line 3 is corrupt", error.Message);
    }

    [Fact]
    public void EvaluatorWithOtherTokenCountIsRefused()
    {
        var header = CalibrationSamples.Header() is var h ? h with { Evaluation = h.Evaluation with { Tokens = 99 } } : null;
        var error = Assert.Throws<ArgumentException>(() => new CalibrationSweep(header!, ShardSpec.Whole, new FakeCellEvaluator()));
        Assert.Contains("99", error.Message);
    }

    [Fact]
    public void DrawSeedsDependOnCoordinatesOnly()
    {
        Assert.Equal(CellSeed.Derive(1, 3, 0.5, 2), CellSeed.Derive(1, 3, 0.5, 2));
        ulong[] seeds = [CellSeed.Derive(1, 3, 0.5, 2), CellSeed.Derive(2, 3, 0.5, 2), CellSeed.Derive(1, 4, 0.5, 2),
            CellSeed.Derive(1, 3, 0.25, 2), CellSeed.Derive(1, 3, 0.5, 4)];
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
    }
}
