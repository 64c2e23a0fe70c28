using SplitGym.Agents.Logging;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;

namespace SplitGym.Agents.Tests;

/// <summary>
/// Callbacks driven boundary by boundary with a <see cref="ScriptedAgent"/> on <see cref="EndingsEnv"/>
/// (3-step episodes, reward 1 + action: action 0 returns 3 per episode, action 1 returns 6), and in real runs.
/// </summary>
public sealed class CallbackTests : TempFolderTest
{
    private readonly ScriptedAgent _agent = new();
    private readonly EpisodeWindow _episodes = new();

    private TrainingContext Context => new(_agent, 1_000, new Logger(), _episodes);

    /// <summary>Moves the scripted agent to <paramref name="steps"/> acting with <paramref name="action"/> and calls the boundary.</summary>
    private bool BoundaryAt(Callback callback, long steps, int action = 0)
    {
        _agent.NumTimesteps = steps;
        _agent.Action = action;
        return callback.OnBoundary(Context);
    }

    /// <summary>Where the evaluation tests save the best model.</summary>
    private string Best => Path.Combine(Folder, "best");

    /// <summary>An evaluation every 10 steps of 2 episodes that saves the best model at <see cref="Best"/>.</summary>
    private EvalCallback SavingBest() => new(new EndingsEnv(), every: 10, episodes: 2, bestModelPath: Best);

    [Fact]
    public void LaterWorseEvaluationDoesNotOverwriteTheBestModel()
    {
        var evaluation = SavingBest();
        evaluation.OnTrainingStart(Context);
        BoundaryAt(evaluation, 10, action: 0);
        Assert.Equal((3.0, 0), (evaluation.BestMeanReward, ScriptedAgent.SavedAction(Best)));
        BoundaryAt(evaluation, 20, action: 1);
        Assert.Equal((6.0, 1), (evaluation.BestMeanReward, ScriptedAgent.SavedAction(Best)));
        var saved = File.ReadAllBytes(Path.Combine(Best, ScriptedAgent.ActionFile));
        var savedAt = File.GetLastWriteTimeUtc(Path.Combine(Best, ScriptedAgent.ActionFile));

        BoundaryAt(evaluation, 30, action: 0);
        Assert.Equal(3.0, evaluation.LastResult!.MeanReturn);
        Assert.Equal(6.0, evaluation.BestMeanReward);
        Assert.Equal(saved, File.ReadAllBytes(Path.Combine(Best, ScriptedAgent.ActionFile)));
        Assert.Equal(savedAt, File.GetLastWriteTimeUtc(Path.Combine(Best, ScriptedAgent.ActionFile)));
    }

    [Fact]
    public void AResumedRunKeepsTheBarOfTheRecordedBestModel()
    {
        var first = SavingBest();
        first.OnTrainingStart(Context);
        BoundaryAt(first, 10, action: 1);
        Assert.Equal(6.0, BestModelRecord.Read(Best));

        var resumed = SavingBest();
        Assert.Equal(double.NegativeInfinity, resumed.BestMeanReward);
        resumed.OnTrainingStart(Context);
        Assert.Equal(6.0, resumed.BestMeanReward);
        BoundaryAt(resumed, 20, action: 0);
        Assert.Equal(3.0, resumed.LastResult!.MeanReturn);
        Assert.Equal((6.0, 1), (BestModelRecord.Read(Best)!.Value, ScriptedAgent.SavedAction(Best)));
    }

    [Fact]
    public void ADamagedBestModelRecordFailsClearly()
    {
        File.WriteAllText(BestModelRecord.PathFor(Best), "{\"num_timesteps\": 3}");
        var error = Assert.Throws<InvalidDataException>(() => SavingBest().OnTrainingStart(Context));
        Assert.Contains("best_mean_reward", error.Message);
    }

    [Fact]
    public void ThresholdOnTrainingEpisodesWaitsForEnoughEpisodesThenStopsOnceTheMeanReachesIt()
    {
        var stop = new StopOnRewardThreshold(5, minEpisodes: 3);
        _episodes.Add(10, 3);
        _episodes.Add(10, 3);
        Assert.True(BoundaryAt(stop, 1), "Two episodes are fewer than the minimum of three.");
        _episodes.Add(-20, 3);
        Assert.True(BoundaryAt(stop, 2), "Mean 0 is below the threshold 5.");
        Assert.False(stop.Reached);
        _episodes.Add(30, 3);
        Assert.False(BoundaryAt(stop, 3), "Mean 7.5 reaches the threshold 5.");
        Assert.True(stop.Reached);
    }

    [Fact]
    public void ThresholdOnEvaluationsWaitsForAnEvaluationThenStopsOnceTheBestReachesIt()
    {
        var evaluation = new EvalCallback(new EndingsEnv(), every: 10, episodes: 1);
        var stop = new StopOnRewardThreshold(4, evaluation);
        evaluation.OnTrainingStart(Context);
        _episodes.Add(100, 3);
        Assert.True(BoundaryAt(stop, 5), "No evaluation yet (training episodes are not used when an evaluation is given).");
        Assert.True(BoundaryAt(evaluation, 10, action: 0) && BoundaryAt(stop, 10, action: 0), "Best evaluation 3 is below 4.");
        Assert.False(BoundaryAt(evaluation, 20, action: 1) && BoundaryAt(stop, 20, action: 1), "Best evaluation 6 reaches 4.");
        Assert.True(stop.Reached);
    }

    [Theory]
    [InlineData(-1e9, 256)]
    [InlineData(1e9, 640)]
    public void TrainingStopsOnlyWhenTheTrainingEpisodesReachTheThreshold(double threshold, long expectedSteps)
    {
        // 4 sub-envs × 32 steps per rollout, 12-step episodes: 8 episodes after the first rollout, 20 after the second.
        var stop = new StopOnRewardThreshold(threshold, minEpisodes: 10);
        using var agent = new Ppo(TestEnvs.SplitVector(4), Configs.PpoTiny, new TrainingOptions { Seed = 1 });
        agent.Learn(640, [stop]);
        Assert.Equal(expectedSteps, agent.NumTimesteps);
        Assert.Equal(threshold < 0, stop.Reached);
    }

    [Fact]
    public void CheckpointsAreTakenAtTheFirstBoundaryOfEveryPeriodWithSb3Names()
    {
        var checkpoints = new CheckpointCallback(6, Folder, prefix: "ckpt");
        checkpoints.OnTrainingStart(Context);
        for (long steps = 4; steps <= 28; steps += 4) BoundaryAt(checkpoints, steps);
        string[] expected = [.. new[] { 8, 12, 20, 24 }.Select(s => Path.Combine(Folder, $"ckpt_{s}_steps"))];
        Assert.Equal(expected, checkpoints.Saved);
        Assert.Equal(expected.Order(), Directory.GetDirectories(Folder).Order());
    }

    [Fact]
    public void CheckpointsOfARealRunFallExactlyOnThePeriod()
    {
        var checkpoints = new CheckpointCallback(256, Folder);
        using var agent = new Ppo(TestEnvs.SplitVector(4), Configs.PpoTiny, new TrainingOptions { Seed = 1 });
        agent.Learn(1_024, [checkpoints]);
        string[] expected = [.. new[] { 256, 512, 768, 1024 }.Select(s => Path.Combine(Folder, $"rl_model_{s}_steps"))];
        Assert.Equal(expected, checkpoints.Saved);
        Assert.Equal(expected.Order(), Directory.GetDirectories(Folder).Order());
        Assert.All(expected, path => Assert.True(File.Exists(Path.Combine(path, "agent.json")), $"{path} has no manifest."));
    }
}
