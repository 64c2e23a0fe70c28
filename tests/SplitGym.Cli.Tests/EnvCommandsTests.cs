using SplitGym.Cli.Commands;

namespace SplitGym.Cli.Tests;

public class EnvCommandsTests
{
    [Fact]
    public void EnvsListsCartPoleWithItsSpacesAndEverySplitInferenceId()
    {
        var run = CliRun.Of("envs");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("CartPole-v1", run.Output);
        Assert.Contains("actions Discrete(2)", run.Output);
        foreach (var id in SplitGym.Envs.Registration.SplitInferenceRegistration.Ids) Assert.Contains(id, run.Output);
    }

    [Fact]
    public void CheckPassesCartPole()
    {
        var run = CliRun.Of("check", "CartPole-v1");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("CartPole-v1: passes the environment checker", run.Output);
    }

    [Fact]
    public void CheckOfAnUnknownIdFailsWithOneLineNamingIt()
    {
        var run = CliRun.Of("check", "Nope-v0");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("'Nope-v0'", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void CheckWithoutAnIdIsAUsageError() => Assert.Equal(ExitCodes.UsageError, CliRun.Of("check").ExitCode);
}
