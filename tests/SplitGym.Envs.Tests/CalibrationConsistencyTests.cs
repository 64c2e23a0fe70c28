using SplitGym.Llm.Calibration;
using SplitGym.Llm.Cost;

namespace SplitGym.Envs.Tests;

/// <summary>
/// The calibration analysis that chose λ and the environment share one reward, including the cap on
/// the perplexity degradation (docs/calibration.md, "One definition of the perplexity clip").
/// </summary>
public class CalibrationConsistencyTests
{
    [Theory]
    [InlineData(10.0)]
    [InlineData(0.5)]
    public void AnalysisRewardEqualsTheEnvExpectedRewardAtEveryKnot(double cap)
    {
        var backend = SyntheticTable.Backend(deterministic: true);
        var table = backend.Table;
        using var env = new SplitInferenceEnv(backend, new SplitInferenceOptions { MaxDegradation = cap, Lambda = 0.2 });
        var load = new ComputeLoad(new DecoderDimensions(32, 64, 4, 4, 256, SyntheticTable.Layers, 64));
        var analysis = new SplitRewardAnalysis(table, load, 0.2, cap);
        for (int i = 0; i < table.Intensities.Count; i++)
        {
            for (int k = 0; k < table.Shapes.Count; k++)
            {
                env.Reset(seed: 0, new Dictionary<string, object?> { ["sigma"] = table.Intensities[i], ["shape"] = table.Shapes[k] });
                for (int s = 0; s < table.Splits.Count; s++)
                {
                    // The analysis costs with its own FLOP model, the env with the synthetic shares: compare the perplexity terms.
                    double analysisPerplexityTerm = analysis.Reward(s, i, k) + 0.2 * load.UeShare(table.Splits[s]);
                    double envPerplexityTerm = env.ExpectedRewardBySplit[table.Splits[s] - 1] + 0.2 * backend.ComputeShare(table.Splits[s]);
                    Assert.Equal(envPerplexityTerm, analysisPerplexityTerm, 1e-9);
                }
            }
        }
    }

    [Fact]
    public void ShippedDefaultLambdaIsWhatTheAnalysisChoosesWithTheEnvCapAndWithoutOne()
    {
        var assets = ModelAssets.Default;
        var table = assets.Table(ChannelDescription.NakagamiAwgn);
        var load = new ComputeLoad(DecoderDimensions.From(assets.Config, table.Evaluation.Window));
        double cap = new SplitInferenceOptions().MaxDegradation;
        // The candidates are 0.01·10^(k/10); the default is the chosen 0.501187 rounded to three digits.
        Assert.Equal(SplitInferenceOptions.DefaultLambda, LambdaChoice.Choose(table, load, LambdaChoice.DefaultCandidates, cap).Lambda, 3);
        Assert.Equal(SplitInferenceOptions.DefaultLambda, LambdaChoice.Choose(table, load, LambdaChoice.DefaultCandidates).Lambda, 3);
    }

    [Fact]
    public void ShippedTablesNeverReachTheCapSoTheClipCannotMoveTheCalibration()
    {
        double cap = new SplitInferenceOptions().MaxDegradation;
        foreach (var variant in ChannelDescription.Variants)
        {
            var table = ModelAssets.Default.Table(variant);
            double largestRatio = table.Cells.Max(c => c.Mean) / table.CleanPerplexity;
            Assert.True(largestRatio < cap, $"{variant}: largest PPL/PPL_clean {largestRatio} reaches the old ratio clip {cap} or the env cap {cap + 1}; recheck λ.");
        }
    }
}
