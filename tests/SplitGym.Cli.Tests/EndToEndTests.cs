using System.Diagnostics;
using System.Text.Json;

namespace SplitGym.Cli.Tests;

public class EndToEndTests
{
    private static string WriteCorpusSource(string folder)
    {
        var random = new Random(3);
        string[] words = ["the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "to", "house", "garden"];
        for (var i = 0; i < 60; i++)
        {
            var sentences = Enumerable.Range(0, 30).Select(_ => string.Join(' ', Enumerable.Range(0, 6).Select(_ => words[random.Next(words.Length)])) + ".");
            File.WriteAllText(Path.Combine(folder, $"doc{i:D2}.txt"), string.Join(' ', sentences));
        }
        return folder;
    }

    private static string[] TinyTrainArguments(string corpus, string run, int steps) =>
    [
        "model", "train", "--corpus", corpus, "--out", run, "--layers", "2", "--hidden", "32", "--heads", "2", "--kv-heads", "1",
        "--intermediate", "64", "--context", "32", "--batch", "8", "--steps", steps.ToString(), "--warmup", "5", "--lr", "1e-2",
        "--eval-batches", "2", "--checkpoint-interval", "10", "--log-interval", "5", "--threads", "1",
    ];

    [Fact]
    public void TrainingKilledWithSigkillResumesToBitIdenticalWeights()
    {
        var root = Path.Combine(Path.GetTempPath(), "splitgym-kill-" + Guid.NewGuid().ToString("N"));
        try
        {
            var corpus = Path.Combine(root, "corpus");
            Assert.Equal(0, CliRun.Of("data", "prepare", "--text", WriteCorpusSource(Directory.CreateDirectory(Path.Combine(root, "source")).FullName), "--out", corpus).ExitCode);
            var straight = Path.Combine(root, "straight");
            var killed = Path.Combine(root, "killed");
            Assert.Equal(0, CliRun.Of(TinyTrainArguments(corpus, straight, 60)).ExitCode);

            KillDuringTraining(TinyTrainArguments(corpus, killed, 60), afterLine: "step 35/60");
            var resumed = CliRun.Of(TinyTrainArguments(corpus, killed, 60));
            Assert.True(resumed.ExitCode == 0, resumed.Error);
            Assert.Matches(@"resuming from the checkpoint at step [345]0/60", resumed.Output); // killed at step 35 or a little later
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(straight, "final", "model.safetensors")),
                File.ReadAllBytes(Path.Combine(killed, "final", "model.safetensors")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Runs the CLI in a child process and kills it (SIGKILL) as soon as it prints <paramref name="afterLine"/>.</summary>
    private static void KillDuringTraining(string[] args, string afterLine)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "splitgym.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        while (process.StandardOutput.ReadLine() is { } line)
            if (line.StartsWith(afterLine, StringComparison.Ordinal))
            {
                process.Kill(); // SIGKILL: no chance to write anything
                break;
            }
        process.WaitForExit();
        Assert.NotEqual(0, process.ExitCode);
    }

    [Fact]
    public void PrepareTrainAndEvaluateATinyModel()
    {
        var root = Path.Combine(Path.GetTempPath(), "splitgym-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            var source = WriteCorpusSource(Directory.CreateDirectory(Path.Combine(root, "source")).FullName);
            var corpus = Path.Combine(root, "corpus");
            var run = Path.Combine(root, "run");
            var prepare = CliRun.Of("data", "prepare", "--text", source, "--out", corpus);
            Assert.True(prepare.ExitCode == 0, prepare.Error);
            string[] train = ["model", "train", "--corpus", corpus, "--out", run, "--layers", "2", "--hidden", "32", "--heads", "2", "--kv-heads", "1",
                "--intermediate", "64", "--context", "32", "--batch", "8", "--steps", "80", "--warmup", "5", "--lr", "1e-2", "--eval-batches", "2",
                "--checkpoint-interval", "10", "--storage", "bf16"];
            var trained = CliRun.Of(train);
            Assert.True(trained.ExitCode == 0, trained.Error);
            Assert.Contains("step 80/80", trained.Output);
            Assert.Contains("validation at step 80", trained.Output);

            var exported = Path.Combine(root, "exported");
            var export = CliRun.Of("model", "export", "--model", Path.Combine(run, "final"), "--out", exported, "--storage", "f16");
            Assert.True(export.ExitCode == 0, export.Error);
            Assert.True(File.Exists(Path.Combine(exported, "tokenizer_config.json")));

            var metricsPath = Path.Combine(root, "metrics.json");
            var evaluated = CliRun.Of("model", "eval", "--model", exported, "--corpus", corpus, "--window", "32", "--stride", "16", "--json", metricsPath);
            Assert.True(evaluated.ExitCode == 0, evaluated.Error);
            Assert.Contains("unigram byte model", evaluated.Output);
            using var metrics = JsonDocument.Parse(File.ReadAllText(metricsPath));
            var perplexity = metrics.RootElement.GetProperty("perplexity").GetDouble();
            var unigram = metrics.RootElement.GetProperty("unigram_perplexity").GetDouble();
            Assert.True(perplexity < unigram, $"model {perplexity} should beat unigram {unigram}");

            var rerun = CliRun.Of(train); // a finished run resumes at its last step and does no more work
            Assert.Contains("resuming from the checkpoint at step 80/80", rerun.Output);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
