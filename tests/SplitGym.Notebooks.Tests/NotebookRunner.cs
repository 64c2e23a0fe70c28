using System.Diagnostics;
using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace SplitGym.Notebooks.Tests;

/// <summary>
/// Runs a notebook's code cells in order, in this process, with a fresh .NET Interactive C# kernel (the
/// kernel Polyglot Notebooks and Jupyter's <c>.net-csharp</c> use), the way "Run All" does: it stops at the
/// first cell that fails.
/// <para>
/// Parameters: a notebook's cell tagged <c>parameters</c> (the papermill convention) holds its default
/// budgets. Right after that cell the runner submits one assignment per entry of <see cref="Overrides"/>
/// (<c>name = expression;</c>), so a test can shrink the budgets without editing the notebook.
/// </para>
/// <para>
/// Working directory: the process's current directory is set to <see cref="WorkingDirectory"/> for the run
/// (and restored afterwards), because the notebooks' <c>#r "bin/…"</c> paths are relative to it, as they are
/// when Jupyter or Polyglot starts a kernel in the notebook's folder. The current directory belongs to the
/// whole process, so runs must not overlap (this assembly disables test parallelism).
/// </para>
/// </summary>
/// <param name="WorkingDirectory">The kernel's working directory; <see cref="NotebookFolder.Path"/> for the shipped notebooks.</param>
/// <param name="Overrides">Parameter name → C# expression, assigned after the parameters cell.</param>
/// <param name="CellTimeout">Longest a single cell may run before the run is abandoned.</param>
public sealed record NotebookRunner(string WorkingDirectory, IReadOnlyDictionary<string, string> Overrides, TimeSpan CellTimeout)
{
    /// <summary>The cell tag that marks the parameters cell (it only sets values, so it needs no output).</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The .NET Interactive kernel name of C# cells.</summary>
    public const string CSharpKernelName = "csharp";

    /// <summary>The cell tag that marks a cell that only declares types and methods, so it needs no output.</summary>
    public const string DefinitionsTag = "definitions";

    /// <summary>Runs the notebook file at <paramref name="path"/>.</summary>
    public Task<NotebookRun> RunFileAsync(string path) => RunAsync(Path.GetFileName(path), File.ReadAllText(path));

    /// <summary>Runs a notebook given as .ipynb JSON text; <paramref name="name"/> only labels the result.</summary>
    public async Task<NotebookRun> RunAsync(string name, string ipynbJson)
    {
        var cells = NotebookCells.Parse(name, ipynbJson);
        var foreign = cells.FirstOrDefault(c => c.IsCode && c.KernelName != CSharpKernelName);
        if (foreign is not null)
            throw new InvalidDataException($"{name}: cell {foreign.Index} is for kernel '{foreign.KernelName}'; this runner executes C# cells only (kernel '{CSharpKernelName}').");
        if (Overrides.Count > 0 && !cells.Any(c => c.IsParameters))
            throw new InvalidOperationException($"{name}: the runner was given parameter overrides ({string.Join(", ", Overrides.Keys)}) but the notebook has no cell tagged '{ParametersTag}'.");
        string previous = Directory.GetCurrentDirectory();
        var clock = Stopwatch.StartNew();
        Directory.SetCurrentDirectory(WorkingDirectory);
        try
        {
            using var kernel = CreateKernel();
            var outcomes = new List<CellOutcome>();
            foreach (var cell in cells.Where(c => c.IsCode))
            {
                var outcome = await SubmitAsync(kernel, cell.Index, cell.Source, cell.ExpectsOutput);
                outcomes.Add(outcome);
                if (outcome.Error is null && cell.IsParameters && Overrides.Count > 0)
                    outcome = await SubmitAsync(kernel, cell.Index, OverrideCode(), expectsOutput: false) with { Index = cell.Index };
                if (outcome.Error is not null)
                {
                    outcomes[^1] = outcome;
                    break;
                }
            }
            return new NotebookRun(name, outcomes, clock.Elapsed);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    /// <summary>The code the runner submits after the parameters cell.</summary>
    public string OverrideCode() =>
        string.Concat(Overrides.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} = {o.Value};\n")));

    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        return kernel;
    }

    private async Task<CellOutcome> SubmitAsync(Kernel kernel, int index, string source, bool expectsOutput)
    {
        KernelCommandResult result;
        try
        {
            result = await kernel.SendAsync(new SubmitCode(source)).WaitAsync(CellTimeout);
        }
        catch (TimeoutException)
        {
            return new CellOutcome(index, source, $"did not finish within {CellTimeout.TotalSeconds:0} s", [], expectsOutput);
        }
        string? error = null;
        var outputs = new List<CellOutput>();
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case CommandFailed failed:
                    error ??= failed.Message;
                    break;
                case ErrorProduced produced:
                    error ??= produced.Message;
                    break;
                case DisplayEvent display:
                    outputs.AddRange(display.FormattedValues.Select(v => new CellOutput(v.MimeType, v.Value)));
                    break;
            }
        }
        return new CellOutcome(index, source, error, outputs, expectsOutput);
    }
}
