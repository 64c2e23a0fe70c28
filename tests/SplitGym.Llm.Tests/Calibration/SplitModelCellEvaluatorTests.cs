using SplitGym.Llm.Calibration;
using SplitGym.Llm.Channels;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Calibration;

public sealed class SplitModelCellEvaluatorTests : IDisposable
{
    private const int Window = 12;

    private static readonly LlamaConfig Config = new()
    {
        HiddenSize = 16, IntermediateSize = 24, NumHiddenLayers = 4, NumAttentionHeads = 4, NumKeyValueHeads = 2, VocabSize = 32, MaxPositionEmbeddings = 32,
    };

    private static readonly int[] Tokens = [.. Enumerable.Range(0, 90).Select(i => (i * 7 + i / 5) % 32)];

    private readonly LlamaForCausalLM _model = new(Config, seed: 11);

    public void Dispose() => _model.Dispose();

    private SplitModelCellEvaluator Evaluator(ChannelDescription channel, int stride = Window, int batchWindows = 3) =>
        new(_model, Tokens, new SlidingWindows(Tokens.Length, Window, stride), batchWindows, (i, s) => CalibrationChannels.Create(channel, i, s));

    [Theory]
    [InlineData(12)]
    [InlineData(5)]
    public void CleanPerplexityMatchesTheEngineEvaluator(int stride)
    {
        using var evaluator = Evaluator(ChannelDescription.DefaultErasure, stride);
        using var engine = new PerplexityEvaluator(_model, Tokens, Window, stride, batchSize: 4);
        Assert.Equal(engine.TokenCount, evaluator.TokensPerRepeat);
        Assert.Equal(engine.Clean(), evaluator.CleanPerplexity(), 5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void DrawsEqualTheEngineEvaluatorsRepeatsWithTheCellSeed(int split)
    {
        using var evaluator = Evaluator(ChannelDescription.DefaultNakagami, stride: 5, batchWindows: 4);
        using var engine = new PerplexityEvaluator(_model, Tokens, Window, 5, batchSize: 3);
        var expected = engine.Evaluate(split, new NakagamiChannel(1, 0.4), 3, seed: 99).PerRepeat;
        using var session = evaluator.OpenSplit(split);
        for (int repeat = 0; repeat < 3; repeat++)
            Assert.Equal(expected[repeat], session.Perplexity(0.4, 1, 99, repeat), 5);
    }

    [Fact]
    public void NoiselessChannelsGiveTheUnsplitPerplexityAtEverySplit()
    {
        using var erasure = Evaluator(ChannelDescription.DefaultErasure);
        var zeroForcing = ChannelDescription.DefaultNakagami with { Equalisation = "zero-forcing" };
        using var equalised = Evaluator(zeroForcing);
        double clean = erasure.CleanPerplexity();
        for (int split = 0; split <= Config.NumHiddenLayers; split++)
        {
            using var a = erasure.OpenSplit(split);
            Assert.Equal(clean, a.Perplexity(0, 0, 1, 0), 5);
            using var b = equalised.OpenSplit(split);
            Assert.Equal(clean, b.Perplexity(0, 0.5, 1, 0), 5);
        }
    }

    [Fact]
    public void AdvancingCachedStatesEqualsComputingThemAfresh()
    {
        using var advanced = Evaluator(ChannelDescription.DefaultNakagami);
        using (advanced.OpenSplit(1))
        {
        }
        using var fresh = Evaluator(ChannelDescription.DefaultNakagami);
        using var a = advanced.OpenSplit(3);
        using var b = fresh.OpenSplit(3);
        Assert.Equal(b.Perplexity(0.3, 1, 42, 0), a.Perplexity(0.3, 1, 42, 0), 6);
    }

    [Fact]
    public void SameSeedAndRepeatSameDrawAndNoiseChangesPerplexity()
    {
        using var evaluator = Evaluator(ChannelDescription.DefaultNakagami);
        using var session = evaluator.OpenSplit(2);
        double first = session.Perplexity(2, 1, 5, 0);
        Assert.Equal(first, session.Perplexity(2, 1, 5, 0));
        Assert.NotEqual(first, session.Perplexity(2, 1, 5, 1));
        Assert.NotEqual(first, session.Perplexity(2, 1, 6, 0));
        Assert.True(Math.Abs(first / evaluator.CleanPerplexity() - 1) > 1e-4, $"noisy {first} versus clean {evaluator.CleanPerplexity()}");
    }

    [Fact]
    public void LiveTensorCountStaysFlatAcrossDraws()
    {
        using var evaluator = Evaluator(ChannelDescription.DefaultNakagami);
        using var session = evaluator.OpenSplit(2);
        session.Perplexity(1, 1, 1, 0);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int repeat = 0; repeat < 5; repeat++)
            session.Perplexity(1, 1, 1, repeat);
        using (evaluator.OpenSplit(3))
        {
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void SmallRealSweepGivesCleanCellsEqualToUnsplitPerplexity()
    {
        var header = CalibrationSamples.Header(splits: [1, 2, 3], intensities: [0, 0.3], shapes: [0], channel: ChannelDescription.DefaultErasure);
        using var evaluator = Evaluator(ChannelDescription.DefaultErasure);
        header = header with { Evaluation = header.Evaluation with { Tokens = evaluator.TokensPerRepeat, Window = Window, Stride = Window } };
        var outcome = new CalibrationSweep(header, ShardSpec.Whole, evaluator).Run(Path.Combine(CalibrationSamples.TempFolder(), "real.journal"));
        var table = new PerplexityTable(header, outcome.CleanPerplexity, outcome.Cells);

        for (int s = 0; s < 3; s++)
        {
            Assert.Equal(table.CleanPerplexity, table.Cell(s, 0, 0).Mean, 5);
            Assert.True(Math.Abs(table.Cell(s, 1, 0).Mean / table.CleanPerplexity - 1) > 1e-4);
        }
    }

    [Fact]
    public void ChannelDescriptionsMapToEngineChannels()
    {
        foreach (FadingGranularity granularity in Enum.GetValues<FadingGranularity>())
        {
            foreach (NoiseScale scale in Enum.GetValues<NoiseScale>())
            {
                foreach (Equalization equalization in Enum.GetValues<Equalization>())
                {
                    var channel = (NakagamiChannel)CalibrationChannels.Create(CalibrationChannels.Describe(granularity, scale, equalization), 0.5, 2);
                    Assert.Equal((granularity, scale, equalization, 0.5, 2.0), (channel.Granularity, channel.Scale, channel.Equalization, channel.Sigma, channel.M));
                }
            }
        }
        Assert.Equal(0.2, ((ErasureChannel)CalibrationChannels.Create(ChannelDescription.DefaultErasure, 0.2, 0)).Probability);
    }
}
