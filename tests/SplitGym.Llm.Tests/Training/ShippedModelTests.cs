using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Perplexity;
using SplitGym.Llm.Tokenizers;

namespace SplitGym.Llm.Tests.Training;

/// <summary>The tiny LLaMA shipped in envs/SplitGym.Envs/Assets/tiny-llama loads with the normal loader and has not changed.</summary>
public class ShippedModelTests
{
    // Written for this test (not corpus text): plain English in the register of the Brown corpus.
    private const string EnglishText =
        "The committee met on Tuesday morning to discuss the new budget for the city schools. " +
        "Several members said that the plan would raise taxes, but the chairman argued that the money was needed " +
        "to repair old buildings and to hire more teachers. After a long debate, the vote was postponed until next week.\n" +
        "Meanwhile, the weather in the valley had turned cold, and the farmers were worried about their late crops. " +
        "\"We have seen worse years,\" one of them said, \"but never so early in the fall.\"";

    // Regression value: clean per-byte perplexity of the shipped weights on EnglishText (window 128, stride 64),
    // measured when the model was trained (see the model card). Changing the weights or the engine's forward pass changes it.
    private const double ExpectedPerplexity = 3.7243;

    private static string ShippedFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SplitGym.sln"))) directory = directory.Parent;
        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "envs", "SplitGym.Envs", "Assets", "tiny-llama");
    }

    [Fact]
    public void ShippedModelLoadsAndMatchesItsRegressionPerplexity()
    {
        using var model = Checkpoint.Load(ShippedFolder());
        Assert.Equal(32, model.LayerCount);
        Assert.Equal(ByteTokenizer.ByteVocabSize, model.Config.VocabSize);
        Assert.True(model.parameters().Sum(p => p.numel()) <= 8_000_000);
        Assert.True(new FileInfo(Path.Combine(ShippedFolder(), "model.safetensors")).Length <= 16 * 1024 * 1024);
        using var evaluator = new PerplexityEvaluator(model, new ByteTokenizer().Encode(EnglishText), window: 128, stride: 64);
        var perplexity = evaluator.Clean();
        Assert.True(Math.Abs(perplexity / ExpectedPerplexity - 1) <= 1e-3, $"perplexity {perplexity:R}, expected {ExpectedPerplexity:R}");
    }
}
