using System.Text.Json;
using SplitGym.Cli.Commands;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A tiny comparison: A2C (cheap) and the baselines on case A, K = 1, plus the K sweep for A2C.</summary>
    private static string[] Tiny(string folder, params string[] extra) =>
    [
        "compare", "--agents", "a2c,random,oracle", "--cases", "A", "--sweep-agents", "a2c", "--model-based", "none", "--seeds", "0", "--steps", "1200",
        "--envs", "2", "--eval-episodes", "3", "--progress", "plain", "--out", folder, .. extra,
    ];

    [Fact]
    public void TinyComparisonLeavesEveryFileAndARerunSkipsFinishedRuns()
    {
        var folder = _temp.Sub("tiny");
        var first = CliRun.Of(Tiny(folder));
        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);

        // K = 1, 2, 3 on case A for a2c and both baselines: 9 runs, one seed.
        var (plan, _) = ComparisonPlan.Load(folder);
        Assert.Equal(9, plan.Runs.Count);
        foreach (var name in new[] { "summary.md", "summary.json", "comparison.json", "learning-curves.png", "action-sizes-A.png", "evaluations-vs-score-A.png", "policy-map-a2c-A.png" })
            Assert.True(File.Exists(Path.Combine(folder, name)), name);
        foreach (var run in plan.Runs)
        {
            var result = RunResult.Load(RunResult.PathFor(folder, run));
            Assert.Equal(run, result.Key);
            if (run.Agent != "a2c") continue;
            // 16 σ × 3 m × 2 start splits, each settled on a split inside the env's range.
            var map = PolicyMapFile.Load(Path.Combine(folder, result.PolicyFile!));
            Assert.Equal(16 * 3 * 2, map.Count);
            Assert.All(map, p => Assert.InRange(p.ChosenSplit, 1, 31));
            // Part-way scores after 25, 50, 75 % of the steps, then the final evaluation's score.
            Assert.Equal(4, result.Trace.Count);
            Assert.Equal(result.NormalisedScore, result.Trace[^1].NormalisedScore);
            Assert.Equal(1200, result.Trace[^1].LiveEquivalentEvaluations);
            Assert.True(result.Trace[0].LiveEquivalentEvaluations is >= 300 and < 600, $"{result.Trace[0]}");
            Assert.Equal(1200, result.TrainingSteps);
            Assert.True(File.Exists(Path.Combine(folder, result.RunFolder!, "progress.csv")));
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(folder, result.RunFolder!), "events.out.tfevents*", SearchOption.AllDirectories));
        }
        var oracle = RunResult.Load(RunResult.PathFor(folder, new RunKey("oracle", "SplitInference-A-k3-v0", 0)));
        Assert.InRange(oracle.NormalisedScore, 0.999, 1.0 + 1e-9); // the oracle agent against the env's planning oracle
        Assert.Contains("| SplitInference-A-k1-v0 | a2c | 1 |", first.Output);

        var firstResult = File.ReadAllText(RunResult.PathFor(folder, plan.Runs[0]));
        var second = CliRun.Of(Tiny(folder));
        Assert.Equal(9, second.Output.Split('\n').Count(line => line.Contains("finished earlier, kept")));
        Assert.DoesNotContain("training for", second.Output);
        Assert.Equal(firstResult, File.ReadAllText(RunResult.PathFor(folder, plan.Runs[0])));
    }

    [Fact]
    public void PlainProgressPrintsStartQuarterAndDoneLinesWithCounts()
    {
        var run = CliRun.Of("compare", "--agents", "a2c", "--cases", "L", "--sweep-agents", "none", "--model-based", "none", "--seeds", "0", "--steps", "2000",
            "--envs", "2", "--eval-episodes", "2", "--progress", "plain", "--out", _temp.Sub("plain"));
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        var lines = run.Output.Split('\n').Where(l => l.StartsWith('[')).ToList();
        Assert.Equal("[0/1] a2c SplitInference-L-k1-v0 seed 0: training for 2,000 steps", lines[0]);
        Assert.Contains("[0/1] a2c SplitInference-L-k1-v0 seed 0: 50% (", lines[2]);
        Assert.StartsWith("[1/1] a2c SplitInference-L-k1-v0 seed 0: done in ", lines[^1]);
        Assert.Contains("normalised score ", lines[^1]);
    }

    [Fact]
    public void ResultsDoNotDependOnHowManyRunsGoAtOnce()
    {
        string[] Args(string folder, string jobs) =>
        [
            "compare", "--agents", "a2c,dqn,random", "--cases", "H", "--sweep-agents", "none", "--model-based", "none", "--seeds", "0,1", "--steps", "1000", "--envs", "2",
            "--eval-episodes", "3", "--progress", "plain", "--jobs", jobs, "--out", folder,
        ];
        var one = _temp.Sub("jobs1");
        var two = _temp.Sub("jobs2");
        Assert.Equal(ExitCodes.Success, CliRun.Of(Args(one, "1")).ExitCode);
        Assert.Equal(ExitCodes.Success, CliRun.Of(Args(two, "2")).ExitCode);
        var (plan, _) = ComparisonPlan.Load(one);
        foreach (var run in plan.Runs)
        {
            var a = RunResult.Load(RunResult.PathFor(one, run));
            var b = RunResult.Load(RunResult.PathFor(two, run));
            Assert.Equal((a.NormalisedScore, a.FinalRegret, a.MeanReturn, a.TrainingSteps), (b.NormalisedScore, b.FinalRegret, b.MeanReturn, b.TrainingSteps));
            Assert.Equal(a.Trace, b.Trace);
        }
    }

    [Fact]
    public void AFolderOfAnotherConfigurationIsRefusedNamingTheDifference()
    {
        var folder = _temp.Sub("config");
        string[] Args(string episodes) => ["compare", "--env", "CartPole-v1", "--agents", "random", "--seeds", "0", "--eval-episodes", episodes, "--progress", "plain", "--out", folder];
        Assert.Equal(ExitCodes.Success, CliRun.Of(Args("2")).ExitCode);
        var again = CliRun.Of(Args("3"));
        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains("--eval-episodes 3 versus 2", again.Error);
        Assert.Single(again.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void DefaultPlanHasTheCaseCurvesTheActionSizeSweepTheModelBasedAgentsAndBaselines()
    {
        var runs = ComparisonGrid.Build(["ppo", "dqn", "a2c", "random", "oracle"], [Envs.Channel.ChannelCase.Low, Envs.Channel.ChannelCase.High, Envs.Channel.ChannelCase.All],
            [1], [0, 1, 2], ["ppo"], ["mbrl", "surrogate"], [0], Envs.Channel.ChannelCase.All);
        // 3 cases × 5 agents × 3 seeds, plus K = 2, 3 on A for ppo, random and oracle × 3 seeds, plus mbrl and surrogate on A-k1 with seed 0.
        Assert.Equal(3 * 5 * 3 + 2 * 3 * 3 + 2, runs.Count);
        Assert.Equal(["SplitInference-A-k1-v0"], runs.Where(r => r.Agent is "mbrl" or "surrogate").Select(r => r.EnvId).Distinct().ToArray());
        Assert.Equal(runs.Count, runs.Distinct().Count());
        Assert.Equal(["SplitInference-A-k1-v0", "SplitInference-A-k2-v0", "SplitInference-A-k3-v0"],
            runs.Where(r => r.Agent == "ppo" && r.Case == "A").Select(r => r.EnvId).Distinct().ToArray());
        Assert.Equal(3, runs.Count(r => r.Agent == "ppo" && r.EnvId == "SplitInference-A-k3-v0"));
        Assert.DoesNotContain(runs, r => r.Agent == "dqn" && r.ActionHalfWidth != 1);
    }

    [Fact]
    public void SummaryJsonHasMeanAndStdOverSeedsOfEveryFigure()
    {
        var folder = _temp.Sub("summary");
        Assert.Equal(ExitCodes.Success, CliRun.Of("compare", "--agents", "random,oracle", "--cases", "A", "--sweep-agents", "none", "--model-based", "none", "--seeds", "0,1,2",
            "--eval-episodes", "2", "--progress", "plain", "--out", folder).ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var row = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("agent").GetString() == "random");
        var scores = json.RootElement.GetProperty("runs").EnumerateArray()
            .Where(r => r.GetProperty("Key").GetProperty("Agent").GetString() == "random").Select(r => r.GetProperty("NormalisedScore").GetDouble()).ToList();
        Assert.Equal(3, scores.Count);
        double mean = scores.Average();
        Assert.Equal(mean, row.GetProperty("normalised_score").GetProperty("mean").GetDouble(), 12);
        Assert.Equal(Math.Sqrt(scores.Average(s => (s - mean) * (s - mean))), row.GetProperty("normalised_score").GetProperty("std").GetDouble(), 12);
        foreach (var field in new[] { "final_regret", "live_equivalent_evaluations", "wall_seconds", "steps_per_second" })
            Assert.True(row.GetProperty(field).TryGetProperty("std", out _), field);
    }
}
