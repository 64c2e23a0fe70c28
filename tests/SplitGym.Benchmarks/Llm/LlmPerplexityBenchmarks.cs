using BenchmarkDotNet.Attributes;
using SplitGym.Llm.Channels;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;
using static TorchSharp.torch;

namespace SplitGym.Benchmarks.Llm;

/// <summary>
/// Throughput of split-model perplexity evaluation with a Nakagami-AWGN channel in the loop, against the
/// 1024×1024 float32 matmul rate of the same TorchSharp build measured in the same run (see
/// <see cref="ThroughputColumn"/>). Threads: libtorch's default, or SPLITGYM_TORCH_THREADS if set.
/// Run: <c>dotnet run -c Release --project tests/SplitGym.Benchmarks -- --filter '*LlmPerplexity*'</c>.
/// </summary>
[Config(typeof(LlmBenchmarkConfig))]
public class LlmPerplexityBenchmarks
{
    private LlamaForCausalLM? _model;
    private PerplexityEvaluator? _evaluator;
    private Tensor? _left;
    private Tensor? _right;
    private readonly IChannel _channel = new NakagamiChannel(m: 1, sigma: 0.1);

    /// <summary>Model shape (see <see cref="BenchmarkModels"/>).</summary>
    [Params("tiny-d128-L32", "d256-L8", "d512-L4")]
    public string Model { get; set; } = "";

    /// <summary>Windows per forward pass.</summary>
    [Params(1, 8, 16, 32)]
    public int Batch { get; set; }

    /// <summary>Builds the model, the evaluation text and the matmul operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("SPLITGYM_TORCH_THREADS"), out var threads)) set_num_threads(threads);
        _model = new LlamaForCausalLM(BenchmarkModels.Configs[Model], seed: 1);
        var random = new Random(1);
        var text = Enumerable.Range(0, BenchmarkModels.Window * BenchmarkModels.Windows).Select(_ => random.Next(256)).ToArray();
        _evaluator = new PerplexityEvaluator(_model, text, BenchmarkModels.Window, BenchmarkModels.Window, Batch);
        _left = randn(1024, 1024);
        _right = randn(1024, 1024);
    }

    /// <summary>One Monte-Carlo repeat of the split model (split in the middle) over all windows.</summary>
    [Benchmark]
    public double Evaluate() => _evaluator!.Evaluate(_model!.LayerCount / 2, _channel, repeats: 1, seed: 1).Mean;

    /// <summary>Twenty 1024×1024 float32 matrix products: the peak the model's FLOP rate is compared to.</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public void MatMul1024()
    {
        for (var i = 0; i < 20; i++)
        {
            using var scope = NewDisposeScope();
            _left!.matmul(_right!);
        }
    }

    /// <summary>Releases the native tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _evaluator?.Dispose();
        _model?.Dispose();
        _left?.Dispose();
        _right?.Dispose();
    }
}
