using FsCheck;
using FsCheck.Fluent;
using SplitGym.Cli.Commands;
using SplitGym.Cli.Comparison;
using SplitGym.Llm.Calibration;

namespace SplitGym.Cli.Tests;

public sealed class ShardTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property ShardsPartitionTheRunListExactlyOnce(NonEmptyArray<NonNegativeInt> seeds, PositiveInt shardCount)
    {
        int count = 1 + shardCount.Get % 9;
        var runs = ComparisonGrid.Build(["ppo", "dqn", "random"], [Envs.Channel.ChannelCase.Low, Envs.Channel.ChannelCase.All], [1, 3],
            [.. seeds.Get.Select(s => s.Get).Distinct()], ["a2c"], ["mbrl"], [0, 5], Envs.Channel.ChannelCase.High);
        var plan = new ComparisonPlan(runs, 1000, 2, 2);
        var owned = Enumerable.Range(0, count).SelectMany(i => plan.Owned(new ShardSpec(i, count))).ToList();
        return (owned.Count == runs.Count && owned.ToHashSet().SetEquals(runs)).Label($"{runs.Count} runs in {count} shards gave {owned.Count}");
    }

    [Fact]
    public void ARunsShardDependsOnlyOnItsIdentityNotOnTheOtherRuns()
    {
        var run = new RunKey("ppo", "SplitInference-H-k2-v0", 4);
        var shard = new ShardSpec(run.StableHash % 5, 5);
        Assert.Contains(run, new ComparisonPlan([run], 1, 1, 1).Owned(shard));
        Assert.Contains(run, new ComparisonPlan([new RunKey("dqn", "CartPole-v1", 0), run], 1, 1, 1).Owned(shard));
        // FNV-1a of the name, computed independently: the same value on every machine and process.
        uint hash = 2166136261;
        foreach (char c in "ppo__SplitInference-H-k2-v0__seed4") hash = (hash ^ c) * 16777619;
        Assert.Equal((int)(hash & 0x7FFFFFFF), run.StableHash);
    }

    private static string[] Baselines(string folder, params string[] extra) =>
    [
        "compare", "--agents", "random,oracle,a2c", "--cases", "L,H", "--sweep-agents", "none", "--model-based", "none", "--seeds", "0,1", "--steps", "1000", "--envs", "2",
        "--eval-episodes", "2", "--progress", "plain", "--out", folder, .. extra,
    ];

    [Fact]
    public void MergedShardsGiveTheUnshardedSummary()
    {
        var whole = _temp.Sub("whole");
        Assert.Equal(ExitCodes.Success, CliRun.Of(Baselines(whole)).ExitCode);
        var shards = Enumerable.Range(0, 3).Select(i => _temp.Sub($"shard{i}")).ToArray();
        for (int i = 0; i < 3; i++)
        {
            var run = CliRun.Of(Baselines(shards[i], "--shard", $"{i}/3"));
            Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
            Assert.Contains($"Shard {i}/3:", run.Output);
            Assert.False(File.Exists(Path.Combine(shards[i], "summary.md")));
        }
        var merged = _temp.Sub("merged");
        var merge = CliRun.Of(["compare", "merge", .. shards, "--out", merged]);
        Assert.True(merge.ExitCode == ExitCodes.Success, merge.Error);

        Assert.Equal(Deterministic(whole), Deterministic(merged));
        Assert.True(File.Exists(Path.Combine(merged, "learning-curves.png")));
        var a2c = RunResult.Load(RunResult.PathFor(merged, new RunKey("a2c", "SplitInference-L-k1-v0", 1)));
        Assert.True(File.Exists(Path.Combine(merged, a2c.RunFolder!, "progress.csv")));
        // The merged folder is a finished comparison: a rerun into it keeps every run.
        Assert.Equal(12, CliRun.Of(Baselines(merged)).Output.Split('\n').Count(l => l.Contains("finished earlier, kept")));
    }

    /// <summary>The summary without wall times (which legitimately differ between runs).</summary>
    private static List<string> Deterministic(string folder) =>
        [.. new ComparisonSummary("", [.. ComparisonPlan.Load(folder).Plan.Runs.Select(r => RunResult.Load(RunResult.PathFor(folder, r)))])
            .ToMarkdown().Split('\n').Select(line => string.Join('|', line.Split('|').Take(7)))];

    [Fact]
    public void ShardsOfDifferentConfigurationsMissingRepeatedOrUnfinishedShardsAreRefused()
    {
        string[] Shard(string folder, string shard, string seeds) =>
        [
            "compare", "--env", "CartPole-v1", "--agents", "random", "--seeds", seeds, "--eval-episodes", "1", "--progress", "plain", "--shard", shard, "--out", folder,
        ];
        var a = _temp.Sub("a");
        var b = _temp.Sub("b");
        var other = _temp.Sub("other");
        Assert.Equal(0, CliRun.Of(Shard(a, "0/2", "0,1,2,3")).ExitCode);
        Assert.Equal(0, CliRun.Of(Shard(b, "1/2", "0,1,2,3")).ExitCode);
        Assert.Equal(0, CliRun.Of(Shard(other, "1/2", "0,1,2")).ExitCode);

        AssertMergeFails([a, other], "was made by a different comparison");
        AssertMergeFails([a, a], "Shard 0/2 is given twice");
        AssertMergeFails([a], "Shard 1/2 missing");
        var results = Directory.GetFiles(Path.Combine(b, RunResult.ResultsFolder));
        Assert.NotEmpty(results);
        File.Delete(results[0]);
        AssertMergeFails([a, b], "is unfinished");
    }

    private void AssertMergeFails(string[] folders, string expected)
    {
        var run = CliRun.Of(["compare", "merge", .. folders, "--out", _temp.Sub("out-" + Guid.NewGuid().ToString("N"))]);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }
}
