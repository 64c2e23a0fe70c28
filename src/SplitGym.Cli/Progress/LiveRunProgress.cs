using System.Collections.Concurrent;
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
    public void Show(int total, Action body) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                _context = context;
                _overall = context.AddTask("[bold]runs finished[/]", maxValue: Math.Max(total, 1));
                body();
                _overall.Value = _overall.MaxValue;
            });

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
