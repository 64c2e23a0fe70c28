using System.Text.Json;
using SplitGym.Cli.Commands;
using SplitGym.Cli.Training;

namespace SplitGym.Cli.Tests;

public sealed class AgentCommandsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string[] Train(string folder, int steps) =>
        ["train", "--agent", "a2c", "--env", "SplitInference-L-k1-v0", "--seed", "3", "--steps", steps.ToString(), "--envs", "2", "--checkpoint-interval", "500", "--progress", "plain", "--out", folder];

    [Fact]
    public void TrainingInTwoSessionsEqualsTrainingInOneAndEvalReportsTheCheckpoint()
    {
        var straight = _temp.Sub("straight");
        var resumed = _temp.Sub("resumed");
        Assert.Equal(ExitCodes.Success, CliRun.Of(Train(straight, 2000)).ExitCode);
        Assert.Equal(ExitCodes.Success, CliRun.Of(Train(resumed, 1000)).ExitCode);
        var second = CliRun.Of(Train(resumed, 2000));
        Assert.True(second.ExitCode == ExitCodes.Success, second.Error);
        Assert.Contains("resuming from the checkpoint at step 1,000/2,000", second.Output);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(straight, TrainedRun.CheckpointFolder, "model.safetensors")),
            File.ReadAllBytes(Path.Combine(resumed, TrainedRun.CheckpointFolder, "model.safetensors")));

        var json = _temp.Sub("eval.json");
        var eval = CliRun.Of("eval", "--run", resumed, "--episodes", "4", "--json", json);
        Assert.True(eval.ExitCode == ExitCodes.Success, eval.Error);
        Assert.Contains("| training steps | 2,000 |", eval.Output);
        Assert.Contains("| live-equivalent evaluations, evaluation | 128 |", eval.Output); // 4 episodes × 32 steps, one evaluation each
        using var metrics = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("SplitInference-L-k1-v0", metrics.RootElement.GetProperty("Env").GetString());
        Assert.Equal(2000, metrics.RootElement.GetProperty("TrainingLiveEquivalentEvaluations").GetInt64());
        double score = metrics.RootElement.GetProperty("NormalisedScore").GetDouble();
        Assert.InRange(score, -5, 1.0000001);
        Assert.Contains(score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), eval.Output);

        Assert.Equal(ExitCodes.Success, CliRun.Of("eval", "--run", straight, "--episodes", "4", "--json", _temp.Sub("straight.json")).ExitCode);
        Assert.Equal(File.ReadAllText(json), File.ReadAllText(_temp.Sub("straight.json")));
    }

    [Fact]
    public void TrainingIntoTheFolderOfAnotherRunIsRefused()
    {
        var folder = _temp.Sub("run");
        Assert.Equal(ExitCodes.Success, CliRun.Of(Train(folder, 500)).ExitCode);
        var other = CliRun.Of("train", "--agent", "dqn", "--env", "SplitInference-L-k1-v0", "--steps", "500", "--progress", "plain", "--out", folder);
        Assert.Equal(ExitCodes.Failure, other.ExitCode);
        Assert.Contains("holds a different training run (a2c on SplitInference-L-k1-v0, seed 3", other.Error);
    }

    [Fact]
    public void EvalOfAFolderWithoutARunSaysWhatIsMissing()
    {
        var run = CliRun.Of("eval", "--run", _temp.Sub("nothing"));
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("is not a training run folder", run.Error);
    }

    [Fact]
    public void BenchMeasuresEveryPathAndWritesMarkdown()
    {
        var markdown = _temp.Sub("bench.md");
        Directory.CreateDirectory(_temp.Path);
        var run = CliRun.Of("bench", "--steps", "1000", "--vector-envs", "16", "--agents", "dqn", "--agent-steps", "256", "--envs", "2", "--markdown", markdown);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("| raw env, array path | 1,000 |", run.Output);
        Assert.Contains("| Make stack, array path | 1,000 |", run.Output);
        Assert.Contains("| sync vector env of 16, per sub-env step | 992 |", run.Output); // 62 vector steps × 16
        Assert.Contains("| dqn learning (2 envs, updates included) | 256 |", run.Output);
        Assert.Contains("| raw env, array path | 1,000 |", File.ReadAllText(markdown));

        Assert.Equal(ExitCodes.Success, CliRun.Of("bench", "--steps", "100", "--agents", "none", "--markdown", markdown, "--append").ExitCode);
        var text = File.ReadAllText(markdown);
        Assert.Equal(2, text.Split("### splitgym bench").Length - 1);
        Assert.Contains("| raw env, array path | 100 |", text);
    }
}
