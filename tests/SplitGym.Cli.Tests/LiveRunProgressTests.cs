using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using SplitGym.Cli.Comparison;
using SplitGym.Cli.Progress;

namespace SplitGym.Cli.Tests;

/// <summary>
/// The live Spectre.Console display of <c>compare</c>, drawn on Spectre's test console as on an interactive ANSI
/// terminal: it shows the overall bar and one bar per running run, takes reports from several worker threads at
/// once, and hides a run's bar when the run ends.
/// </summary>
public sealed class LiveRunProgressTests
{
    private static readonly RunKey First = new("ppo", "SplitInference-A-k1-v0", 0);
    private static readonly RunKey Second = new("dqn", "SplitInference-A-k1-v0", 1);
    private static readonly RunKey Kept = new("random", "SplitInference-A-k1-v0", 2);

    [Fact]
    public void DrawsTheOverallBarAndOneBarPerRunningRun()
    {
        var console = NewTerminal();
        string? whileRunning = null;
        var progress = new LiveRunProgress(console);
        progress.Show(3, () =>
        {
            progress.Skipped(Kept);
            progress.Started(First, 1000);
            progress.Started(Second, 2000);
            progress.Advanced(First, 500);
            progress.Advanced(Second, 500);
            whileRunning = FrameShowing(console, "25%"); // drawn after the last advance, so both bars show their progress
            progress.Finished(First, Result(First));
            progress.Finished(Second, Result(Second));
        });
        Assert.Contains("runs finished", whileRunning);
        Assert.Contains("ppo SplitInference-A-k1-v0 seed 0", whileRunning);
        Assert.Contains("dqn SplitInference-A-k1-v0 seed 1", whileRunning);
        Assert.Contains("50%", whileRunning);
        Assert.Contains("25%", whileRunning);
        Assert.DoesNotContain("seed 0", LastFrame(console));
        Assert.Contains("3 of 3 runs finished", LastFrame(console));
    }

    [Fact]
    public void ReportsFromManyWorkerThreadsAllArrive()
    {
        var console = NewTerminal();
        var progress = new LiveRunProgress(console);
        var runs = Enumerable.Range(0, 16).Select(seed => new RunKey("ppo", "SplitInference-A-k1-v0", seed)).ToArray();
        progress.Show(runs.Length, () => Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, run =>
        {
            progress.Started(run, 100);
            for (long step = 10; step <= 100; step += 10) progress.Advanced(run, step);
            progress.Finished(run, Result(run));
        }));
        Assert.Contains("16 of 16 runs finished", LastFrame(console));
    }

    [Fact]
    public void ReportsOutsideTheDisplayAreIgnored()
    {
        var console = NewTerminal();
        var progress = new LiveRunProgress(console);
        progress.Started(First, 10);
        progress.Advanced(First, 5);
        progress.Finished(First, Result(First));
        Assert.Equal("", console.Output);
    }

    private static TestConsole NewTerminal()
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences();
        console.Profile.Width = 160;
        return console;
    }

    /// <summary>
    /// The output once a frame of the live display contains <paramref name="text"/>; the display redraws on its own
    /// timer thread (every 100 ms), so the test waits for it, up to a generous limit for a loaded machine.
    /// </summary>
    private static string FrameShowing(TestConsole console, string text)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!console.Output.Contains(text, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(20);
        return console.Output;
    }

    /// <summary>What the terminal keeps at the end: the output after the display's last move of the cursor back up.</summary>
    private static string LastFrame(TestConsole console)
    {
        var output = console.Output;
        var lastCursorUp = Regex.Matches(output, @"\u001b\[\d+A").LastOrDefault();
        return lastCursorUp is null ? output : output[lastCursorUp.Index..];
    }

    private static RunResult Result(RunKey key) => new(key, 1000, 1000, 0.9, 0.1, -50, 1.5, 700, null, null, []);
}
