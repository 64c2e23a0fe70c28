using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Progress;

/// <summary>
/// Progress as a live Spectre.Console display in a terminal: an overall bar of finished runs and one
/// bar per running run (training steps), which disappears when the run ends.
/// </summary>
/// <param name="console">The terminal to draw on.</param>
public sealed class LiveRunProgress(IAnsiConsole console) : IRunProgress
{
    private readonly ConcurrentDictionary<RunKey, ProgressTask> _tasks = new();
    private ProgressContext? _context;
    private ProgressTask? _overall;

    /// <inheritdoc />
    /// <remarks>
    /// Finished bars are hidden, the overall one included once the job ends, so the display closes with one line that
    /// says how many runs finished and how long the job took.
    /// </remarks>
    public void Show(int total, Action body)
    {
        var clock = Stopwatch.StartNew();
        console.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                _context = context;
                _overall = context.AddTask("[bold]runs finished[/]", maxValue: Math.Max(total, 1));
                body();
            });
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{(int)(_overall?.Value ?? 0)} of {total} runs finished[/] in {clock.Elapsed:hh\\:mm\\:ss}"));
        _context = null;
    }

    /// <inheritdoc />
    public void Skipped(RunKey run) => _overall?.Increment(1);

    /// <inheritdoc />
    public void Started(RunKey run, long trainingSteps)
    {
        if (_context is null) return;
        _tasks[run] = _context.AddTask(Markup.Escape($"{run.Agent} {run.EnvId} seed {run.Seed}"), maxValue: Math.Max(trainingSteps, 1));
    }

    /// <inheritdoc />
    public void Advanced(RunKey run, long steps)
    {
        if (_tasks.TryGetValue(run, out var task)) task.Value = Math.Min(steps, task.MaxValue);
    }

    /// <inheritdoc />
    public void Finished(RunKey run, RunResult result)
    {
        if (_tasks.TryRemove(run, out var task))
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }
        _overall?.Increment(1);
    }
}
