using SplitGym.Core.Registration;
using SplitGym.Envs.Registration;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Model;

namespace SplitGym.Envs.Tests;

/// <summary>
/// A user's model folder written by a test: a config, stand-in weight bytes, and synthetic Nakagami
/// and erasure tables carrying the weights' SHA-256; deleted on dispose. <see cref="Make"/> builds
/// registered ids on it.
/// </summary>
internal sealed class TestModelFolder : IDisposable
{
    public static readonly LlamaConfig DefaultConfig = new()
    {
        HiddenSize = 32, IntermediateSize = 64, NumHiddenLayers = SyntheticTable.Layers, NumAttentionHeads = 4, VocabSize = 256,
    };

    private readonly Registry _registry = new();

    /// <summary>Writes the folder; <paramref name="nakagami"/> replaces the synthetic Nakagami table (given the weights' SHA-256).</summary>
    public TestModelFolder(LlamaConfig? config = null, Func<string, PerplexityTable>? nakagami = null)
    {
        Path = Directory.CreateTempSubdirectory("splitgym-assets-").FullName;
        (config ?? DefaultConfig).Save(System.IO.Path.Combine(Path, "config.json"));
        File.WriteAllBytes(System.IO.Path.Combine(Path, ModelAssets.WeightsFile), [.. Guid.NewGuid().ToByteArray()]);
        string sha = new ModelAssets(Path).WeightsSha256();
        (nakagami ?? (s => SyntheticTable.Build(s)))(sha).Save(System.IO.Path.Combine(Path, "perplexity-nakagami-awgn.json"));
        SyntheticTable.BuildErasure(sha).Save(System.IO.Path.Combine(Path, "perplexity-erasure.json"));
        SplitInferenceRegistration.Register(_registry);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The registry with the split-inference ids.</summary>
    public Registry Registry => _registry;

    /// <summary>Makes <paramref name="id"/> on this folder, with extra kwargs.</summary>
    public SplitGym.Core.Env<float[], int> Make(string id, Dictionary<string, object?>? extra = null, int? maxEpisodeSteps = null)
    {
        var overrides = new Dictionary<string, object?> { ["model_dir"] = Path };
        foreach (var (key, value) in extra ?? []) overrides[key] = value;
        return _registry.Make<float[], int>(id, overrides, maxEpisodeSteps: maxEpisodeSteps);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
