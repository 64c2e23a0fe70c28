using System.Diagnostics;
using Xunit.Abstractions;

namespace SplitGym.Notebooks.Tests;

/// <summary>
/// Runs every shipped notebook top to bottom in-process with the C# kernel and the small budgets of
/// <see cref="TestBudgets"/>: no cell may fail, every cell that should show something must, the figures must
/// be real PNGs, and the notebook's main step must have run to the end.
/// </summary>
public sealed class NotebookExecutionTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("splitgym-notebook-test-").FullName;

    /// <summary>The notebooks to run.</summary>
    public static TheoryData<string> Notebooks => new(NotebookFolder.Expected);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_top_to_bottom_and_shows_its_figures(string notebook)
    {
        string path = Path.Combine(NotebookFolder.Path, notebook);
        var runner = new NotebookRunner(NotebookFolder.Path, TestBudgets.For(notebook, _scratch), TimeSpan.FromMinutes(5));

        var processorTime = Process.GetCurrentProcess().TotalProcessorTime;
        var run = await runner.RunFileAsync(path);
        processorTime = Process.GetCurrentProcess().TotalProcessorTime - processorTime;

        foreach (var cell in run.Cells)
            log.WriteLine($"cell {cell.Index}: {(cell.Error is null ? "ok" : "FAILED")}, {cell.Outputs.Count} output(s) — {cell.FirstLine}");
        log.WriteLine($"{notebook}: {run.Elapsed.TotalSeconds:F1} s wall, {processorTime.TotalSeconds:F1} s CPU (the load of a shared machine stretches wall time, not CPU time)");
        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
        int codeCells = NotebookCells.Parse(notebook, File.ReadAllText(path)).Count(c => c.IsCode);
        Assert.Equal(codeCells, run.Cells.Count);
        var figures = InlinePng.In(run.Outputs);
        Assert.Equal(TestBudgets.Figures(notebook), figures.Count);
        Assert.All(figures, f => Assert.True(f.Width >= 600 && f.Height >= 400, $"figure of {f.Width} × {f.Height} px is smaller than a figure class draws"));
        string text = string.Join("\n", run.Outputs.Select(o => o.Value));
        Assert.All(TestBudgets.Evidence(notebook), expected => Assert.Contains(expected, text));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
