using BenchmarkDotNet.Attributes;
using SplitGym.Benchmarks.Agents;
using SplitGym.Envs;
using SplitGym.Envs.Backends;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Corpus;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;

namespace SplitGym.Benchmarks.Envs;

/// <summary>
/// Live evaluations per second of the split-inference env on the real split LLaMA: the shipped tiny
/// model on 2,048 scored bytes of the Brown test split (window 128, stride 128, batches of 16 windows),
/// Nakagami-m fading + AWGN. Needs <c>splitgym data fetch brown</c> to have prepared the corpus.
/// One operation is one env step, i.e. one live perplexity evaluation. Runs in process, because only this
/// project's output carries the patched native TorchSharp library (a generated out-of-process project would not).
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
[WarmupCount(2)]
[IterationCount(10)]
public class LiveBackendBenchmarks
{
    private const int ScoredBytes = 2_048;
    private const int Window = 128;

    private LlamaForCausalLM _model = null!;
    private SplitModelCellEvaluator _evaluator = null!;
    private LiveBackend _backend = null!;
    private SplitInferenceEnv _env = null!;

    /// <summary>Which way the agent moves each step: 1 stays on the split (UE side cached), 2 moves deeper each step.</summary>
    [Params(1, 2)]
    public int Action { get; set; }

    /// <summary>Loads the shipped model and the evaluation text.</summary>
    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.set_num_threads(2);
        var assets = ModelAssets.Default;
        _model = Checkpoint.Load(assets.Directory);
        var corpus = PreparedCorpus.Open(CorpusPreparation.PreparedFolder(CorpusPreparation.DefaultCacheRoot(), "brown-1.9.80"));
        var tokens = corpus.ReadBytes(CorpusSplit.Test).Take(ScoredBytes + 1).Select(b => (int)b).ToArray();
        var channel = ChannelDescription.DefaultNakagami;
        _evaluator = new SplitModelCellEvaluator(_model, tokens, new SlidingWindows(tokens.Length, Window, Window), 16,
            (intensity, shape) => CalibrationChannels.Create(channel, intensity, shape));
        _backend = new LiveBackend(_evaluator, assets.TableBackend(channel.Variant, deterministic: true));
        _env = new SplitInferenceEnv(_backend);
        _env.Reset(seed: 0, options: new Dictionary<string, object?> { ["split"] = 1 });
    }

    /// <summary>Releases the model and cached states.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _env.Dispose();
        _backend.Dispose();
        _evaluator.Dispose();
        _model.Dispose();
    }

    /// <summary>One env step = one live perplexity evaluation.</summary>
    [Benchmark]
    public double LiveStep()
    {
        if (_env.Split == _env.Options.SplitMax || _env.Split >= _backend.NumLayers - 1)
            _env.Reset(options: new Dictionary<string, object?> { ["split"] = 1 });
        return _env.Step(Action).Reward;
    }
}
