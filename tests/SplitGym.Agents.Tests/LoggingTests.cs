using System.Text.RegularExpressions;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;

namespace SplitGym.Agents.Tests;

/// <summary>Runs log SB3 metric names to a CleanRL-named run folder (CSV and TensorBoard); callbacks act on schedule.</summary>
public sealed class LoggingTests : TempFolderTest
{

    [Fact]
    public void RunFolderHoldsCsvAndTensorBoardEventsWithSb3Names()
    {
        var console = new StringWriter();
        using (var agent = new Ppo(TestEnvs.SplitVector(2), Configs.PpoTiny, new TrainingOptions { Seed = 3, EnvName = "SplitInference-A-k1-v0", RunsFolder = Folder, Console = console }))
        {
            agent.Learn(640);
        }
        var run = Assert.Single(Directory.GetDirectories(Folder));
        Assert.Matches(new Regex(@"SplitInference-A-k1-v0__PPO__3__\d{10}$"), run);
        var csv = File.ReadAllLines(Path.Combine(run, "progress.csv"));
        Assert.Equal(11, csv.Length);
        foreach (var name in new[] { "rollout/ep_rew_mean", "rollout/ep_len_mean", "time/fps", "train/approx_kl", "train/clip_fraction", "train/explained_variance", "train/value_loss", "train/loss", "train/entropy_loss" })
            Assert.Contains(name, csv[0].Split(','));
        var events = Assert.Single(Directory.GetFiles(run, "events.out.tfevents*"));
        Assert.True(new FileInfo(events).Length > 100, "The TensorBoard event file is (nearly) empty.");
        Assert.Contains("| rollout/", console.ToString());
    }

    [Fact]
    public void EvalCallbackKeepsTheBestModelAndThresholdStopsTraining()
    {
        var best = Path.Combine(Folder, "best");
        var evaluation = new EvalCallback(TestEnvs.Split(), every: 256, episodes: 3, bestModelPath: best);
        var stop = new StopOnRewardThreshold(-1e9, evaluation);
        var progress = new StringWriter();
        using var agent = new Ppo(TestEnvs.SplitVector(4), Configs.PpoTiny, new TrainingOptions { Seed = 1 });
        agent.Learn(10_000, [evaluation, stop, new ProgressCallback(128, progress)]);
        Assert.True(stop.Reached);
        Assert.Equal(256, agent.NumTimesteps);
        Assert.NotNull(evaluation.LastResult?.NormalisedScore);
        Assert.True(File.Exists(Path.Combine(best, "agent.json")));
        Assert.Contains("PPO 256/10000", progress.ToString());
        Assert.Contains("eval/normalised_score", agent.Logger.History.SelectMany(r => r.Values.Keys).Concat(PendingKeys(agent)));
    }

    [Fact]
    public void EvaluateOnCartPoleReportsReturnsWithoutSplitScores()
    {
        var result = Evaluator.Evaluate(new Baselines.RandomAgent(2, seed: 1), TestEnvs.CartPoleSingle(), 4, seed: 0);
        Assert.Equal(4, result.Returns.Length);
        Assert.Equal(result.Lengths.Select(l => (double)l), result.Returns);
        Assert.Null(result.NormalisedScore);
        Assert.Null(result.MeanRegret);
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate(new Baselines.RandomAgent(2), TestEnvs.CartPoleSingle(), 0));
    }

    private static IEnumerable<string> PendingKeys(Algorithm agent) => agent.Logger.Pending().Keys;
}
