using static SplitGym.Notebooks.Tests.TestNotebook;

namespace SplitGym.Notebooks.Tests;

/// <summary>The runner on deliberately broken notebooks: every kind of breakage the notebook test relies on catching is caught.</summary>
public sealed class NotebookRunnerTests
{
    private static readonly Dictionary<string, string> NoOverrides = [];

    private static NotebookRunner Runner(IReadOnlyDictionary<string, string>? overrides = null) =>
        new(Path.GetTempPath(), overrides ?? NoOverrides, TimeSpan.FromMinutes(2));

    [Fact]
    public async Task A_clean_notebook_runs_every_cell_and_keeps_their_outputs()
    {
        var run = await Runner().RunAsync("clean", Of(Markdown("# Title"), Code("var x = 6 * 7;\nx"), Code("Console.WriteLine($\"x is {x}\");")));

        Assert.Empty(run.Problems);
        Assert.Equal([1, 2], run.Cells.Select(c => c.Index));
        Assert.Contains(run.Cells[0].Outputs, o => o.Value.Contains("42"));
        Assert.Contains(run.Cells[1].Outputs, o => o.Value.Contains("x is 42"));
    }

    [Fact]
    public async Task A_throwing_cell_is_reported_and_stops_the_run()
    {
        var run = await Runner().RunAsync("throws", Of(Code("1"), Code("throw new InvalidOperationException(\"broken on purpose\");"), Code("2")));

        var problem = Assert.Single(run.Problems);
        Assert.Contains("cell 1 failed", problem);
        Assert.Contains("broken on purpose", problem);
        Assert.Equal(2, run.Cells.Count);
    }

    [Fact]
    public async Task A_compile_error_is_reported()
    {
        var run = await Runner().RunAsync("compile-error", Of(Code("int y = \"not a number\";")));

        Assert.Contains("CS0029", Assert.Single(run.Problems));
    }

    [Fact]
    public async Task A_cell_that_shows_nothing_is_reported_unless_tagged()
    {
        var run = await Runner().RunAsync("silent", Of(
            Code("int a = 1;", tags: NotebookRunner.DefinitionsTag),
            Code("int b = 2;"),
            Code("a + b")));

        Assert.Equal(["cell 1 produced no output; every cell not tagged parameters or definitions must show its result"], run.Problems);
    }

    [Fact]
    public async Task Overrides_are_assigned_right_after_the_parameters_cell()
    {
        var notebook = Of(Code("int steps = 1_000;\nstring label = \"default\";", tags: NotebookRunner.ParametersTag), Code("$\"{label}: {steps * 10}\""));

        var defaults = await Runner().RunAsync("parameters", notebook);
        var overridden = await Runner(new Dictionary<string, string> { ["steps"] = "5", ["label"] = "\"test\"" }).RunAsync("parameters", notebook);

        Assert.Contains(defaults.Cells[1].Outputs, o => o.Value.Contains("default: 10000"));
        Assert.Contains(overridden.Cells[1].Outputs, o => o.Value.Contains("test: 50"));
        Assert.Empty(overridden.Problems);
    }

    [Fact]
    public async Task An_override_of_an_undeclared_parameter_fails_the_run()
    {
        var run = await Runner(new Dictionary<string, string> { ["missing"] = "1" })
            .RunAsync("undeclared", Of(Code("int steps = 1;", tags: NotebookRunner.ParametersTag), Code("steps")));

        Assert.Contains("missing", Assert.Single(run.Problems));
    }

    [Fact]
    public async Task Overrides_without_a_parameters_cell_are_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Runner(new Dictionary<string, string> { ["steps"] = "5" }).RunAsync("no-parameters", Of(Code("1"))));

        Assert.Contains("no cell tagged 'parameters'", error.Message);
    }

    [Fact]
    public async Task A_cell_for_another_kernel_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Runner().RunAsync("fsharp", Of(Code("1"), Code("let x = 1", language: "fsharp"))));

        Assert.Contains("cell 1 is for kernel 'fsharp'", error.Message);
    }

    [Fact]
    public async Task Text_that_is_not_a_notebook_is_refused_with_its_name()
    {
        var notJson = await Assert.ThrowsAsync<InvalidDataException>(() => Runner().RunAsync("broken.ipynb", "{ \"cells\": [ "));
        var noCells = await Assert.ThrowsAsync<InvalidDataException>(() => Runner().RunAsync("empty.ipynb", "{ \"metadata\": {} }"));

        Assert.Contains("broken.ipynb is not valid .ipynb JSON", notJson.Message);
        Assert.Contains("empty.ipynb is not an .ipynb notebook", noCells.Message);
    }

    [Fact]
    public async Task Relative_paths_resolve_against_the_working_directory_and_it_is_restored()
    {
        string before = Directory.GetCurrentDirectory();
        string folder = Directory.CreateTempSubdirectory("splitgym-runner-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "marker.txt"), "found");
        try
        {
            var run = await new NotebookRunner(folder, NoOverrides, TimeSpan.FromMinutes(1))
                .RunAsync("cwd", Of(Code("System.IO.File.ReadAllText(\"marker.txt\")")));

            Assert.Empty(run.Problems);
            Assert.Contains(run.Cells[0].Outputs, o => o.Value.Contains("found"));
            Assert.Equal(before, Directory.GetCurrentDirectory());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Inline_png_detection_reads_sizes_and_refuses_non_png_data()
    {
        // A 1 × 1 PNG's first 24 bytes (signature, IHDR length, "IHDR", width, height) plus padding.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 3, 0x20, 0, 0, 2, 0x58, 8, 2, 0, 0, 0];
        var html = new CellOutput("text/html", $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" />");
        var notPng = new CellOutput("text/html", $"<img src=\"data:image/png;base64,{Convert.ToBase64String("GIF89a-and-more-bytes-here"u8.ToArray())}\" />");

        Assert.Equal(new InlinePng(800, 600, png.Length), Assert.Single(InlinePng.In([html])));
        Assert.Empty(InlinePng.In([new CellOutput("text/plain", "no image here")]));
        Assert.Contains("not a PNG", Assert.Throws<InvalidDataException>(() => InlinePng.In([notPng])).Message);
    }
}
