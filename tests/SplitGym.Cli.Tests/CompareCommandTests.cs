using SplitGym.Cli.Commands;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"splitgym-compare-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void WritesSummaryAndResultsAndResumesBySkippingFinishedRuns()
    {
        var first = CliRun.Of("compare", "--env", "CartPole-v1", "--agents", "random", "--seeds", "0,1", "--eval-episodes", "2", "--out", _folder);
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "summary.md")));
        Assert.True(File.Exists(Path.Combine(_folder, "summary.json")));
        var result = RunResult.Load(RunResult.PathFor(_folder, "random", 1));
        Assert.Equal(1, result.Seed);
        Assert.True(result.MeanReturn > 0);

        var second = CliRun.Of("compare", "--env", "CartPole-v1", "--agents", "random", "--seeds", "0,1", "--eval-episodes", "2", "--out", _folder);
        Assert.Equal(2, second.Output.Split('\n').Count(line => line.Contains("finished earlier, kept")));
        Assert.Equal(result, RunResult.Load(RunResult.PathFor(_folder, "random", 1)));
    }

    [Fact]
    public void UnknownAgentIsOneClearLine()
    {
        var run = CliRun.Of("compare", "--agents", "ppo,sarsa", "--out", _folder);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("'sarsa'", run.Error);
    }

    [Fact]
    public void BadSeedIsOneClearLine()
    {
        var run = CliRun.Of("compare", "--seeds", "0,x", "--out", _folder);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("'x'", run.Error);
    }

    [Fact]
    public void ZeroStepsIsAUsageError() => Assert.Equal(ExitCodes.UsageError, CliRun.Of("compare", "--steps", "0").ExitCode);
}
