using System.Text.RegularExpressions;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.Logging;
using SplitGym.Agents.OffPolicy;
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
        Assert.Contains("| rollout/", console.ToString());
    }

    [Fact]
    public void TensorBoardEventsHoldEveryDumpedMetricAtItsStep()
    {
        List<LogRecord> history;
        using (var agent = new Ppo(TestEnvs.SplitVector(2), Configs.PpoTiny, new TrainingOptions { Seed = 3, RunsFolder = Folder }))
        {
            agent.Learn(320);
            history = [.. agent.Logger.History];
        }
        var events = Assert.Single(Directory.GetFiles(Assert.Single(Directory.GetDirectories(Folder)), "events.out.tfevents*"));
        var scalars = TensorBoardEventFile.Scalars(events);
        Assert.Equal(history.Sum(r => r.Values.Count), scalars.Count);
        Assert.Superset(new[] { "rollout/ep_rew_mean", "train/approx_kl", "train/clip_fraction", "train/value_loss", "train/loss", "time/fps" }.ToHashSet(), scalars.Select(s => s.Tag).ToHashSet());
        foreach (var record in history)
        {
            foreach (var (key, value) in record.Values)
                Assert.Contains(scalars, s => s.Step == record.Step && s.Tag == key && s.Value.Equals((float)value));
        }
    }

    [Fact]
    public void DqnLogsExplorationRateOnItsScheduleAndTdLossAsSb3sLoss()
    {
        using var agent = new Dqn(TestEnvs.SplitVector(2), Configs.DqnTiny, new TrainingOptions { Seed = 1, LogInterval = 1 });
        agent.Learn(600);
        var history = agent.Logger.History;
        // SB3's linear schedule: 1 → 0.05 over the first 10 % of the run (60 steps), then flat.
        Assert.Contains(history, r => r.Step < 60);
        foreach (var record in history)
            Assert.Equal(1 - 0.95 * Math.Min(record.Step / 60.0, 1), record.Values["rollout/exploration_rate"], 12);
        var trained = history.Where(r => r.Step > Configs.DqnTiny.LearningStarts).ToList();
        Assert.NotEmpty(trained);
        foreach (var record in trained)
        {
            Assert.Equal(record.Values["train/td_loss"], record.Values["train/loss"]);
            Assert.Superset(new[] { "rollout/ep_rew_mean", "rollout/ep_len_mean", "train/learning_rate", "train/n_updates", "time/fps" }.ToHashSet(), record.Values.Keys.ToHashSet());
        }
    }

    [Fact]
    public void A2cLogsSb3sTrainingMetricNames()
    {
        using var agent = new A2c(TestEnvs.SplitVector(2), Configs.A2c, new TrainingOptions { Seed = 1, LogInterval = 10 });
        agent.Learn(100);
        var record = Assert.Single(agent.Logger.History);
        Assert.Equal(100, record.Step);
        string[] expected = ["rollout/ep_len_mean", "rollout/ep_rew_mean", "time/fps", "time/iterations", "time/time_elapsed", "time/total_timesteps",
            "train/entropy_loss", "train/explained_variance", "train/learning_rate", "train/n_updates", "train/policy_loss", "train/value_loss"];
        Assert.Equal(expected, record.Values.Keys);
        Assert.Equal(10, record.Values["train/n_updates"]);
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
