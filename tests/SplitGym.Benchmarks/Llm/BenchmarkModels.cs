using SplitGym.Llm.Cost;
using SplitGym.Llm.Model;

namespace SplitGym.Benchmarks.Llm;

/// <summary>Model shapes benchmarked: the shipped byte-level tiny model and two wider ones (random weights; speed does not depend on them).</summary>
public static class BenchmarkModels
{
    /// <summary>Tokens per perplexity window (= stride, so windows do not overlap).</summary>
    public const int Window = 128;

    /// <summary>Windows in the evaluation text.</summary>
    public const int Windows = 16;

    private static LlamaConfig Byte(int hidden, int layers, int heads, int kvHeads, int intermediate) => new()
    {
        HiddenSize = hidden, NumHiddenLayers = layers, NumAttentionHeads = heads, NumKeyValueHeads = kvHeads,
        IntermediateSize = intermediate, VocabSize = 256, MaxPositionEmbeddings = Window,
    };

    /// <summary>Configs by benchmark parameter name.</summary>
    public static readonly IReadOnlyDictionary<string, LlamaConfig> Configs = new Dictionary<string, LlamaConfig>
    {
        ["tiny-d128-L32"] = Byte(128, 32, 4, 2, 256),
        ["d256-L8"] = Byte(256, 8, 4, 2, 704),
        ["d512-L4"] = Byte(512, 4, 8, 4, 1408),
    };

    /// <summary>FLOPs of one evaluation (UE side once + channel + edge side once = one full forward pass over every window).</summary>
    public static double FlopsPerEvaluation(string model) =>
        new FlopModel(DecoderDimensions.From(Configs[model], Window)).Total * Window * Windows;

    /// <summary>Scored tokens of one evaluation (every window's first token has no context when stride = window).</summary>
    public static double ScoredTokensPerEvaluation => Windows * (Window - 1);

    /// <summary>FLOPs of one 1024×1024 by 1024×1024 float32 matrix product.</summary>
    public static double MatMulFlops => 2.0 * 1024 * 1024 * 1024;
}
