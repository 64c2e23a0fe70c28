using SplitGym.Core.Checking;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Registration;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;

namespace SplitGym.Envs.Tests;

/// <summary>
/// The live backend runs a tiny random LLaMA written by the test; a table calibrated on the same
/// checkpoint with the sweep must agree with it within the table's own measured spread.
/// </summary>
public sealed class LiveBackendTests : IDisposable
{
    private const int Layers = 4;
    private const int Window = 16;
    private static readonly int[] Tokens = [.. Enumerable.Range(0, 96).Select(i => (i * 11 + i / 3) % 48)];
    private static readonly double[] Sigmas = [0.5, 2.0];
    private static readonly double[] Shapes = [1, 4];

    private readonly LlamaForCausalLM _model = new(new LlamaConfig
    {
        HiddenSize = 32, IntermediateSize = 48, NumHiddenLayers = Layers, NumAttentionHeads = 4, NumKeyValueHeads = 2, VocabSize = 48, MaxPositionEmbeddings = 64,
    }, seed: 5);
    private readonly string _journal = Path.Combine(Path.GetTempPath(), $"splitgym-live-{Guid.NewGuid():N}.journal");

    public void Dispose()
    {
        _model.Dispose();
        File.Delete(_journal);
    }

    /// <summary>The identity the tests state for the tiny random checkpoint (there are no weight files to hash).</summary>
    private static readonly ModelIdentity TinyRandom = new("tiny-random", new string('a', 64), Layers);

    private SplitModelCellEvaluator Evaluator(ModelIdentity? stated = null) =>
        new(_model, Tokens, new SlidingWindows(Tokens.Length, Window, Window), batchWindows: 4, ChannelDescription.DefaultNakagami) { Model = stated ?? TinyRandom };

    private PerplexityTable Calibrate(SplitModelCellEvaluator evaluator)
    {
        var sha = TinyRandom.Sha256;
        var header = new CalibrationHeader(
            TinyRandom,
            new EvaluationSettings("test", sha, Window, Window, evaluator.TokensPerRepeat),
            ChannelDescription.DefaultNakagami,
            new SweepSettings(6, 6, 0.5, 99),
            new CalibrationGrid([1, 2, 3], Sigmas, Shapes));
        var outcome = new CalibrationSweep(header, ShardSpec.Whole, evaluator).Run(_journal);
        return new PerplexityTable(header, outcome.CleanPerplexity, outcome.Cells);
    }

    private static double[] Shares() => [.. Enumerable.Range(0, Layers + 1).Select(p => 0.05 + 0.2 * p)];

    [Fact]
    public void LiveMeasurementsAgreeWithTheTableOfTheSameCheckpoint()
    {
        using var evaluator = Evaluator();
        var table = Calibrate(evaluator);
        using var live = new LiveBackend(evaluator, new TableBackend(table, Shares(), deterministic: true));
        using var env = new SplitInferenceEnv(live, new SplitInferenceOptions { Lambda = 0.1 });
        Assert.Equal(table.CleanPerplexity, live.CleanPerplexity, 9);
        const int draws = 12;
        foreach (var (split, sigmaIndex, shapeIndex) in new[] { (1, 1, 0), (3, 1, 1), (2, 0, 0) })
        {
            var cell = table.Cell(split - 1, sigmaIndex, shapeIndex);
            env.Reset(seed: split, options: new Dictionary<string, object?> { ["sigma"] = Sigmas[sigmaIndex], ["shape"] = Shapes[shapeIndex], ["split"] = split });
            var infos = Enumerable.Range(0, draws).Select(_ => env.Step(1).Info).ToList();
            Assert.All(infos, info => Assert.Equal(1.0, (double)info[SplitInferenceInfo.LiveEvaluations]!));
            var measured = infos.Select(info => (double)info[SplitInferenceInfo.Perplexity]!).ToList();
            double drawSpread = cell.StandardError * Math.Sqrt(cell.Repeats);
            double tolerance = 4 * Math.Sqrt(cell.StandardError * cell.StandardError + drawSpread * drawSpread / draws);
            Assert.True(Math.Abs(measured.Average() - cell.Mean) <= tolerance,
                $"Split {split}: live mean {measured.Average()} vs table {cell.Mean} ± {tolerance}.");
            Assert.True(measured.Distinct().Count() > 1, "Live draws should differ from step to step.");
        }
        Assert.Equal(3 * draws, live.LiveEvaluations);
    }

    [Fact]
    public void LiveEnvPassesTheCheckerAndIsDeterministicUnderASeed()
    {
        using var evaluator = Evaluator();
        var table = Calibrate(evaluator);
        using var live = new LiveBackend(evaluator, new TableBackend(table, Shares(), deterministic: true));
        using var env = new SplitInferenceEnv(live);
        Assert.Empty(EnvChecker.Check(env, skipRenderCheck: true, skipCloseCheck: true));
        double[] Run() { env.Reset(seed: 8); return [.. Enumerable.Range(0, 5).Select(t => env.Step(t % 3).Reward)]; }
        Assert.Equal(Run(), Run());
        using var highK3 = new SplitInferenceEnv(live, new SplitInferenceOptions { Case = Channel.ChannelCase.High, MaxMove = 3, Drift = new Channel.GaussMarkovDrift(0.9, 0.1) });
        Assert.Empty(EnvChecker.Check(highK3, skipRenderCheck: true, skipCloseCheck: true));
    }

    [Fact]
    public void ExpectationsOfAnotherLayerCountAreRefusedNamingBoth()
    {
        using var evaluator = Evaluator();
        var message = Assert.Throws<ArgumentException>(() => new LiveBackend(evaluator, SyntheticTable.Backend())).Message;
        Assert.Contains($"a {Layers}-layer model", message);
        Assert.Contains($"a {SyntheticTable.Layers}-layer model", message);
    }

    [Fact]
    public void TableOfOtherWeightsOrAnotherChannelIsRefusedNamingBoth()
    {
        using var evaluator = Evaluator();
        var table = Calibrate(evaluator);
        var otherWeights = new ModelIdentity("retrained", new string('b', 64), Layers);
        var perToken = ChannelDescription.DefaultNakagami with { FadingGranularity = "per-token" };
        TableBackend Expectations(CalibrationHeader header) => new(new PerplexityTable(header, table.CleanPerplexity, table.Cells), Shares(), deterministic: true);

        var weights = Assert.Throws<ArgumentException>(() => new LiveBackend(evaluator, Expectations(table.Header with { Model = otherWeights }))).Message;
        Assert.Contains($"model 'tiny-random' (weights SHA-256 {TinyRandom.Sha256})", weights);
        Assert.Contains($"model 'retrained' (weights SHA-256 {otherWeights.Sha256})", weights);
        var channel = Assert.Throws<ArgumentException>(() => new LiveBackend(evaluator, Expectations(table.Header with { Channel = perToken }))).Message;
        Assert.Contains("per-element fading", channel);
        Assert.Contains("per-token fading", channel);
        using var matching = new LiveBackend(evaluator, Expectations(table.Header));
    }

    [Fact]
    public void StatedIdentityMustHaveTheEvaluatedModelsLayerCount()
    {
        var message = Assert.Throws<ArgumentException>(() => Evaluator(TinyRandom with { NumLayers = Layers + 1 })).Message;
        Assert.Contains($"'tiny-random' has {Layers + 1} layers", message);
        Assert.Contains($"the evaluated model has {Layers}", message);
    }

    [Fact]
    public void LearnedBackendCostsNoLiveEvaluations()
    {
        var learned = new LearnedBackend(new LawModel(), SyntheticTable.Layers, SyntheticTable.Clean, SyntheticTable.ComputeShares(), SyntheticTable.Backend().Coverage);
        using var env = new SplitInferenceEnv(learned);
        Assert.Empty(EnvChecker.Check(env, skipRenderCheck: true, skipCloseCheck: true));
        env.Reset(seed: 1, options: new Dictionary<string, object?> { ["sigma"] = 0.4, ["shape"] = 2.0, ["split"] = 3 });
        var step = env.Step(1);
        Assert.Equal(SyntheticTable.Law(3, 0.4, 2.0), (double)step.Info[SplitInferenceInfo.Perplexity]!, 12);
        Assert.Equal(0.0, (double)step.Info[SplitInferenceInfo.LiveEvaluations]!);
    }

    [Fact]
    public void LearnedBackedEnvPassesTheCheckerWithTheOptionsOfEveryRegisteredNakagamiId()
    {
        using var folder = new TestModelFolder();
        foreach (var id in SplitInferenceRegistration.Ids.Where(id => id != SplitInferenceRegistration.AuthorsId))
        {
            SplitInferenceOptions options;
            using (var made = folder.Make(id)) options = ((SplitInferenceEnv)made.Unwrapped).Options;
            var learned = new LearnedBackend(new LawModel(), SyntheticTable.Layers, SyntheticTable.Clean, SyntheticTable.ComputeShares(), SyntheticTable.Backend().Coverage);
            using var env = new SplitInferenceEnv(learned, options);
            Assert.Empty(EnvChecker.Check(env, skipRenderCheck: true, skipCloseCheck: true));
        }
    }

    private sealed class LawModel : IPerplexityModel
    {
        public double PredictPerplexity(int split, Channel.ChannelState channel) => SyntheticTable.Law(split, channel.Sigma, channel.Shape);
    }
}
