using SplitGym.Analysis.Figures;
using SplitGym.Envs;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Cost;

namespace SplitGym.Analysis.Tests;

/// <summary>The calibration figures (moved from the CLI) drawn from the shipped perplexity tables.</summary>
public class CalibrationFigureTests : TempFolder
{
    private static readonly ModelAssets Assets = ModelAssets.Default;

    private static SplitRewardAnalysis Analysis(PerplexityTable table) =>
        new(table, new ComputeLoad(DecoderDimensions.From(Assets.Config, table.Evaluation.Window)), SplitInferenceOptions.DefaultLambda, 10);

    [Fact]
    public void Perplexity_by_split_draws_one_line_per_sigma()
    {
        var table = Assets.Table("nakagami-awgn");
        var path = PathOf("ppl.png");
        PerplexityBySplitPlot.Save(table, 0, path);
        using var png = Png.Check(path, 900, 600);
        Assert.True(Png.CountNear(png, Png.Series(0)) > 50);
    }

    [Fact]
    public void Optimal_split_heatmap_is_drawn_for_both_channel_variants()
    {
        foreach (var (variant, width) in new[] { ("nakagami-awgn", 800), ("erasure", 700) })
        {
            var table = Assets.Table(variant);
            var path = PathOf($"heatmap-{variant}.png");
            OptimalSplitHeatmap.Save(table, Analysis(table), path);
            Png.Check(path, width, 650).Dispose();
        }
    }
}
