using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using SplitGym.Agents.ModelBased;
using SplitGym.Agents.Training;
using SplitGym.Core.Registration;
using SplitGym.Envs;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Corpus;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;
using SplitGym.Llm.Tokenizers;

namespace SplitGym.Benchmarks.Agents;

/// <summary>
/// End to end on the live backend: SplitGym's MBRL on case A, K = 1 with every real evaluation a run of the
/// shipped tiny split LLaMA (the calibration's Brown test sample: whole windows at even offsets, the table's window and token count, Nakagami-m fading + AWGN), and its
/// policy scored after every round against the calibrated table (100 episodes, first reset seed 1000). The
/// wall time covers everything: loading, live evaluations, fits, inner training and scoring. Writes the ledger
/// and the round reports to <c>SPLITGYM_MBRL_LIVE_DIR</c> (default <c>mbrl-live</c>). Needs <c>splitgym data fetch brown</c>.
/// </summary>
[Config(typeof(InProcessLongRunConfig))]
public class MbrlLiveRunBenchmarks
{
    private const int EvalEpisodes = 100;
    private const int EvalSeed = 1000;

    /// <summary>The seed.</summary>
    [Params(0)]
    public int Seed { get; set; }

    /// <summary>Runs MBRL on the live backend until its score reaches 0.95 against the table (or its budget ends).</summary>
    [Benchmark]
    public void LiveEndToEnd()
    {
        var clock = Stopwatch.StartNew();
        TorchSharp.torch.set_num_threads(2);
        SplitInferenceRegistration.RegisterDefaults();
        var id = SplitInferenceRegistration.CaseId(ChannelCase.All, 1);
        var assets = ModelAssets.Default;
        var channel = ChannelDescription.DefaultNakagami;
        var table = assets.Table(channel.Variant);
        using var model = Checkpoint.Load(assets.Directory);
        var corpus = PreparedCorpus.Open(CorpusPreparation.PreparedFolder(CorpusPreparation.DefaultCacheRoot(), "brown-1.9.80"));
        int window = table.Evaluation.Window;
        int stride = table.Evaluation.Stride, windows = table.Evaluation.Tokens / (window - 1);
        var tokens = EvaluationSample.Take(new ByteTokenizer().Encode(corpus.ReadText(CorpusSplit.Test)), windows * window, window, stride);
        using var evaluator = new SplitModelCellEvaluator(model, tokens, new SlidingWindows(tokens.Length, window, stride), 16,
            (intensity, shape) => CalibrationChannels.Create(channel, intensity, shape));
        using var live = new LiveBackend(evaluator, assets.TableBackend(channel.Variant, deterministic: true));
        using var real = new SplitInferenceEnv(live, new SplitInferenceOptions { Case = ChannelCase.All, MaxMove = 1 });
        var folder = Environment.GetEnvironmentVariable("SPLITGYM_MBRL_LIVE_DIR") ?? "mbrl-live";
        using var agent = new MbrlAgent(real, MbrlOptions.Default, new TrainingOptions { Seed = Seed, EnvName = id + "-live", RunsFolder = folder, TensorBoard = false, Console = Console.Out });
        var watcher = new ScoreThresholdCallback(Registry.Default.Make<float[], int>(id), 1, EvalEpisodes, EvalSeed, ModelBasedComparisonBenchmarks.Threshold);
        agent.Learn(agent.Options.Budget, [watcher]);
        double liveSeconds = agent.Ledger.Records.Sum(r => r.Seconds);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"live,{id},{Seed},{watcher.ReachedAt},{watcher.LastScore:0.####},{agent.NumTimesteps},{live.LiveEvaluations},{liveSeconds:0.0},{clock.Elapsed.TotalSeconds:0.0},{live.CleanPerplexity:0.###},{table.CleanPerplexity:0.###}");
        Console.WriteLine("// RESULT agent,env,seed,evaluations_to_0.95,score,ledger_evaluations,backend_live_evaluations,live_seconds,wall_seconds,live_clean_ppl,table_clean_ppl");
        Console.WriteLine("// RESULT " + line);
        foreach (var r in agent.Rounds)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// ROUND {r.Round}: {r.Evaluations} evals, held-out RMSE {r.Quality.HeldOutRmse:0.000}, oracle agreement {r.Quality.OracleAgreement:0.00}, oracle regret {r.Quality.OracleRegret:0.0000}, policy change {r.PolicyChange:0.000}, learned score {r.LearnedScore:0.000}, {r.InnerAgents} inner agents, {r.InnerSteps} inner steps, {r.Seconds:0.0} s"));
    }
}
