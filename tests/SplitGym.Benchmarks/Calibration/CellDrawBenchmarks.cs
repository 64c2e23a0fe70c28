using BenchmarkDotNet.Attributes;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;

namespace SplitGym.Benchmarks.Calibration;

/// <summary>
/// Cost of one Monte-Carlo channel draw of a calibration cell (channel on the cached UE-side states,
/// edge side, NLL) at a shallow, middle and deep split, for the shipped tiny model's architecture
/// (random weights: the cost does not depend on them) over 2,048 evaluation tokens. This is the unit
/// that sizes a sweep: cells × draws × this.
/// </summary>
[ShortRunJob]
public class CellDrawBenchmarks
{
    private const int Tokens = 2048;

    private LlamaForCausalLM _model = null!;
    private SplitModelCellEvaluator _evaluator = null!;
    private ISplitSession _session = null!;
    private int _repeat;

    /// <summary>Split point p of the draw.</summary>
    [Params(1, 16, 31)]
    public int Split { get; set; }

    /// <summary>Libtorch CPU threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Builds the model and caches the UE-side states of <see cref="Split"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.set_num_threads(Threads);
        var config = new LlamaConfig
        {
            HiddenSize = 128, IntermediateSize = 256, NumHiddenLayers = 32, NumAttentionHeads = 4, NumKeyValueHeads = 2,
            VocabSize = 256, MaxPositionEmbeddings = 128,
        };
        _model = new LlamaForCausalLM(config, seed: 1);
        var random = new Random(1);
        int[] ids = [.. Enumerable.Range(0, Tokens + 1).Select(_ => random.Next(256))];
        _evaluator = new SplitModelCellEvaluator(_model, ids, new SlidingWindows(ids.Length, 128, 128), 32,
            (sigma, m) => CalibrationChannels.Create(ChannelDescription.DefaultNakagami, sigma, m));
        _session = _evaluator.OpenSplit(Split);
    }

    /// <summary>One draw: Nakagami m = 1 fading with σ = 0.1 noise, then the edge side and the NLL.</summary>
    [Benchmark]
    public double Draw() => _session.Perplexity(0.1, 1, 7, _repeat++);

    /// <summary>Frees the model and cached states.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        _evaluator.Dispose();
        _model.Dispose();
    }
}
