namespace SplitGym.Notebooks.Tests;

/// <summary>The outcome of running one notebook top to bottom.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Cells">One outcome per code cell that ran, in order; a run stops at the first failed cell, like "Run All".</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
public sealed record NotebookRun(string Notebook, IReadOnlyList<CellOutcome> Cells, TimeSpan Elapsed)
{
    /// <summary>Every broken cell, described; empty when the notebook ran cleanly.</summary>
    public IReadOnlyList<string> Problems => [.. Cells.Select(c => c.Problem).OfType<string>()];

    /// <summary>All outputs of all cells, in order.</summary>
    public IEnumerable<CellOutput> Outputs => Cells.SelectMany(c => c.Outputs);
}
