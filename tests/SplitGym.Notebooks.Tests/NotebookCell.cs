namespace SplitGym.Notebooks.Tests;

/// <summary>One cell of a notebook as the tests see it.</summary>
/// <param name="Index">Position in the notebook (0-based).</param>
/// <param name="CellType">The .ipynb <c>cell_type</c>: <c>markdown</c>, <c>code</c> or <c>raw</c>.</param>
/// <param name="KernelName">The kernel .NET Interactive assigns to the cell (<c>csharp</c> for C# cells, <c>markdown</c> for text).</param>
/// <param name="Language">The cell's <c>metadata.dotnet_interactive.language</c>, or null when absent.</param>
/// <param name="Source">The cell's text.</param>
/// <param name="Tags">The cell's <c>metadata.tags</c>.</param>
public sealed record NotebookCell(int Index, string CellType, string KernelName, string? Language, string Source, IReadOnlyList<string> Tags)
{
    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>True for the cell that holds the notebook's default parameters.</summary>
    public bool IsParameters => IsCode && Tags.Contains(NotebookRunner.ParametersTag);

    /// <summary>False for the cells allowed to show nothing: the parameters cell and cells tagged as definitions only.</summary>
    public bool ExpectsOutput => IsCode && !IsParameters && !Tags.Contains(NotebookRunner.DefinitionsTag);
}
