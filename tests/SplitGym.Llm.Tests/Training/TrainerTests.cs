using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Tests.Corpus;
using SplitGym.Llm.Training;

namespace SplitGym.Llm.Tests.Training;

public class TrainerTests
{
    private static readonly TrainingOptions Options = new()
    {
        ContextLength = 32,
        BatchSize = 8,
        Steps = 40,
        PeakLearningRate = 1e-2,
        WarmupSteps = 5,
        LogInterval = 10,
        EvalInterval = 20,
        EvalBatches = 2,
        CheckpointInterval = 7,
        Seed = 42,
        Threads = 1,
    };

    private static LanguageModelTrainer Trainer(string folder, List<string>? lines = null) =>
        new(TinyModels.Config, Options, TinyModels.Text(400), TinyModels.Text(60, seed: 1), folder, line => lines?.Add(line));

    [Fact]
    public void TrainingOnATinyCorpusLowersTheLossAndExportsALoadableModel()
    {
        using var run = new TempFolder();
        var lines = new List<string>();
        var report = Trainer(run.Path, lines).Run();
        Assert.Equal(40, report.CompletedSteps);
        Assert.True(report.StepLosses.TakeLast(5).Average(s => s.Loss) < report.StepLosses.Take(5).Average(s => s.Loss) - 1.5,
            $"loss went from {report.StepLosses[0].Loss} to {report.StepLosses[^1].Loss}");
        Assert.True(report.Validations[^1].Loss.MeanNll < report.Validations[0].Loss.MeanNll + 1e-9 && report.Validations[^1].Loss.Perplexity < 20);
        Assert.Contains(lines, line => line.StartsWith("step 10/40  loss ") && line.Contains("tok/s") && line.Contains("eta"));
        using var model = Checkpoint.Load(Path.Combine(run.Path, LanguageModelTrainer.FinalFolderName));
        Assert.Equal(2, model.LayerCount);
        Assert.True(File.Exists(Path.Combine(run.Path, LanguageModelTrainer.FinalFolderName, ByteTokenizerDescription.FileName)));
    }

    [Fact]
    public void LiveTensorCountStaysFlatAcrossStepsValidationsAndCheckpoints()
    {
        using var run = new TempFolder();
        var liveAtLogLines = new List<long>();
        new LanguageModelTrainer(TinyModels.Config, Options, TinyModels.Text(400), TinyModels.Text(60, seed: 1), run.Path,
            line => { if (line.StartsWith("step ")) liveAtLogLines.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount); }).Run();
        Assert.Equal(4, liveAtLogLines.Count);
        Assert.All(liveAtLogLines, count => Assert.Equal(liveAtLogLines[0], count));
    }

    [Fact]
    public void ARunKilledAfterACheckpointResumesBitIdenticallyToAnUninterruptedRun()
    {
        using var straight = new TempFolder();
        var uninterrupted = Trainer(straight.Path).Run().StepLosses;

        using var interrupted = new TempFolder();
        using var kill = new CancellationTokenSource();
        var firstLines = new List<string>();
        var first = new LanguageModelTrainer(TinyModels.Config, Options, TinyModels.Text(400), TinyModels.Text(60, seed: 1), interrupted.Path,
            line => { firstLines.Add(line); if (line.StartsWith("step 20/")) kill.Cancel(); }).Run(kill.Token);
        Assert.Equal(20, first.CompletedSteps); // checkpoints at 7 and 14; steps 14..19 are lost like after kill -9
        var resumed = Trainer(interrupted.Path).Run();

        Assert.Equal(14, resumed.ResumedFromStep);
        Assert.Equal(uninterrupted.Where(s => s.Step < 20), first.StepLosses);
        Assert.Equal(uninterrupted.Where(s => s.Step >= 14), resumed.StepLosses); // exact float equality
    }

    [Fact]
    public void ResumingWithDifferentOptionsIsRefused()
    {
        using var run = new TempFolder();
        Trainer(run.Path).Run();
        var changed = new LanguageModelTrainer(TinyModels.Config, Options with { Seed = 7 }, TinyModels.Text(400), TinyModels.Text(60, seed: 1), run.Path, _ => { });
        var error = Assert.Throws<InvalidDataException>(() => changed.Run());
        Assert.Contains("different options or model", error.Message);
        Assert.Contains("seed=7", error.Message);
    }

    [Theory]
    [InlineData(0, 8, "ContextLength = 0")]
    [InlineData(32, -1, "BatchSize = -1")]
    public void InvalidOptionsNameTheField(int context, int batch, string expected)
    {
        using var run = new TempFolder();
        var trainer = new LanguageModelTrainer(TinyModels.Config, Options with { ContextLength = context, BatchSize = batch },
            TinyModels.Text(400), TinyModels.Text(60), run.Path, _ => { });
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => trainer.Run()).Message);
    }

    [Fact]
    public void TextShorterThanOneWindowIsAClearError()
    {
        using var run = new TempFolder();
        var trainer = new LanguageModelTrainer(TinyModels.Config, Options, "too short"u8.ToArray(), TinyModels.Text(60), run.Path, _ => { });
        Assert.Contains("fewer than one window", Assert.Throws<ArgumentException>(() => trainer.Run()).Message);
    }
}
