using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SplitGym.Notebooks.Tests;

/// <summary>
/// What every shipped notebook must look like, checked without running it: it parses, it is a C# Polyglot
/// notebook (kernelspec <c>.net-csharp</c>, every code cell's <c>dotnet_interactive.language</c> is <c>csharp</c>),
/// it opens with a title, it has one parameters cell, it is committed without outputs, and every assembly it
/// <c>#r</c>s is in the build output folder.
/// </summary>
public sealed partial class NotebookStructureTests
{
    public static TheoryData<string> Notebooks => new(NotebookFolder.Expected);

    [Fact]
    public void The_folder_holds_exactly_the_four_notebooks()
    {
        Assert.Equal(NotebookFolder.Expected, NotebookFolder.All().Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_is_a_csharp_polyglot_notebook_with_a_title(string notebook)
    {
        var (json, cells) = Read(notebook);

        Assert.Equal(".net-csharp", json["metadata"]?["kernelspec"]?["name"]?.GetValue<string>());
        Assert.Equal("markdown", cells[0].CellType);
        Assert.Matches(@"^# \S", cells[0].Source);
        Assert.All(cells, c => Assert.Contains(c.CellType, new[] { "markdown", "code" }));
        Assert.All(cells.Where(c => c.IsCode), c =>
        {
            Assert.Equal(NotebookRunner.CSharpKernelName, c.KernelName);
            Assert.Equal("csharp", c.Language);
        });
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_has_one_parameters_cell_and_no_saved_outputs(string notebook)
    {
        var (json, cells) = Read(notebook);

        Assert.Single(cells, c => c.IsParameters);
        Assert.All(json["cells"]!.AsArray(), cell => Assert.Empty(cell?["outputs"]?.AsArray() ?? []));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_referenced_assembly_is_in_the_build_output(string notebook)
    {
        var references = Read(notebook).Cells.SelectMany(c => Reference().Matches(c.Source)).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("bin/SplitGym.Analysis.dll", references);
        Assert.All(references, r =>
        {
            Assert.StartsWith("bin/", r);
            Assert.True(File.Exists(Path.Combine(NotebookFolder.Path, r)), $"{notebook} references {r}, which the build did not produce in {NotebookFolder.Bin}.");
        });
    }

    [Fact]
    public void The_readme_documents_the_build_step_and_every_notebook()
    {
        string readme = File.ReadAllText(Path.Combine(NotebookFolder.Path, "README.md"));

        Assert.Contains("dotnet build -c Release notebooks/SplitGym.Notebooks.csproj", readme);
        Assert.All(NotebookFolder.Expected, n => Assert.Contains(n, readme));
    }

    private static (JsonObject Json, IReadOnlyList<NotebookCell> Cells) Read(string notebook)
    {
        string text = File.ReadAllText(Path.Combine(NotebookFolder.Path, notebook));
        return (NotebookCells.Json(notebook, text), NotebookCells.Parse(notebook, text));
    }

    [GeneratedRegex("""^#r\s+"([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex Reference();
}
