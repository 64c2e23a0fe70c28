using System.Globalization;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Progress;

/// <summary>
/// Progress as plain lines (for logs, CI and job arrays, where a live display would be garbage): one
/// line when a run starts, one at each quarter of its training budget, and one with its score when it
/// ends, each prefixed with <c>[finished/total]</c>.
/// </summary>
/// <param name="writer">Where the lines go (flushed after each line so that tailing a log works).</param>
public sealed class PlainRunProgress(TextWriter writer) : IRunProgress
{
    private const int Milestones = 4;
    private readonly Lock _gate = new();
    private readonly Dictionary<RunKey, (long Budget, int Reported)> _running = [];
    private int _total, _finished;

    /// <inheritdoc />
    public void Show(int total, Action body)
    {
        _total = total;
        body();
    }

    /// <inheritdoc />
    public void Skipped(RunKey run)
    {
        lock (_gate)
        {
            _finished++;
            Write(run, "finished earlier, kept");
        }
    }

    /// <inheritdoc />
    public void Started(RunKey run, long trainingSteps)
    {
        lock (_gate)
        {
            _running[run] = (trainingSteps, 0);
            Write(run, trainingSteps > 0 ? string.Create(CultureInfo.InvariantCulture, $"training for {trainingSteps:N0} steps") : "baseline, evaluating");
        }
    }

    /// <inheritdoc />
    public void Advanced(RunKey run, long steps)
    {
        lock (_gate)
        {
            if (!_running.TryGetValue(run, out var state) || state.Budget <= 0) return;
            int milestone = (int)Math.Min(Milestones, steps * Milestones / state.Budget);
            if (milestone <= state.Reported || milestone == Milestones) return;
            _running[run] = state with { Reported = milestone };
            Write(run, string.Create(CultureInfo.InvariantCulture, $"{100 * milestone / Milestones}% ({steps:N0}/{state.Budget:N0} steps)"));
        }
    }

    /// <inheritdoc />
    public void Finished(RunKey run, RunResult result)
    {
        lock (_gate)
        {
            _running.Remove(run);
            _finished++;
            Write(run, string.Create(CultureInfo.InvariantCulture,
                $"done in {result.WallSeconds:0.0} s: normalised score {result.NormalisedScore:0.000}, final regret {result.FinalRegret:0.0000}, mean return {result.MeanReturn:0.00}"));
        }
    }

    private void Write(RunKey run, string what)
    {
        writer.WriteLine($"[{_finished}/{_total}] {run.Agent} {run.EnvId} seed {run.Seed}: {what}");
        writer.Flush();
    }
}
