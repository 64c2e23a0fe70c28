namespace SplitGym.Notebooks.Tests;

/// <summary>What one code cell did when the kernel ran it.</summary>
/// <param name="Index">Position of the cell in the notebook (0-based, markdown cells included).</param>
/// <param name="Source">The code submitted.</param>
/// <param name="Error">The kernel's failure message (compile error or exception), or null when the cell succeeded.</param>
/// <param name="Outputs">Every output the cell produced (displayed values, return value, standard output/error), as mime type and text.</param>
/// <param name="ExpectsOutput">False for the cells tagged <c>parameters</c> or <c>definitions</c>; every other cell must show something.</param>
public sealed record CellOutcome(int Index, string Source, string? Error, IReadOnlyList<CellOutput> Outputs, bool ExpectsOutput)
{
    /// <summary>Why this cell counts as broken, or null when it is fine.</summary>
    public string? Problem =>
        Error is not null ? $"cell {Index} failed: {Error}"
        : ExpectsOutput && Outputs.Count == 0 ? $"cell {Index} produced no output; every cell not tagged parameters or definitions must show its result"
        : null;

    /// <summary>The first line of the source, to name the cell in messages.</summary>
    public string FirstLine => Source.Split('\n')[0];
}

/// <summary>One formatted output of a cell.</summary>
/// <param name="MimeType">e.g. <c>text/html</c> or <c>text/plain</c>.</param>
/// <param name="Value">The formatted text.</param>
public sealed record CellOutput(string MimeType, string Value);
