using SplitGym.Core;
using SplitGym.Core.Checking;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;
using SplitGym.Llm.Calibration;

namespace SplitGym.Envs.Tests;

/// <summary>The shipped tiny LLaMA and its calibrated tables, through the default registry, as a user gets them.</summary>
public class ShippedAssetsTests
{
    [Fact]
    public void EveryRegisteredIdPassesTheCheckerOnTheShippedTables()
    {
        var registry = SplitInferenceRegistration.RegisterDefaults();
        foreach (var id in SplitInferenceRegistration.Ids)
        {
            using var env = registry.Make(id);
            var warnings = EnvChecker.Check(env.Unwrapped);
            Assert.All(warnings, w => Assert.Contains("maximum and minimum values are equal", w));
        }
    }

    [Fact]
    public void ShippedTablesBelongToTheShippedWeightsAndCoverEverySplit()
    {
        var assets = ModelAssets.Default;
        foreach (var variant in ChannelDescription.Variants)
        {
            var table = assets.Table(variant);
            Assert.Equal(Enumerable.Range(1, assets.Config.NumHiddenLayers - 1), table.Splits.Where(p => p >= 1 && p < assets.Config.NumHiddenLayers));
            Assert.All(table.Cells, cell => Assert.True(cell.StandardError <= 0.02 * cell.Mean * 1.0000001, $"Cell p={cell.Split} σ={cell.Intensity} m={cell.Shape}: SE {cell.StandardError} > 2% of {cell.Mean}."));
        }
    }

    [Fact]
    public void OptimalSplitMovesDeeperFromTheLowToTheHighNoiseCase()
    {
        var registry = SplitInferenceRegistration.RegisterDefaults();
        double MeanOracleSplit(ChannelCase channelCase)
        {
            using var env = registry.Make<float[], int>(SplitInferenceRegistration.CaseId(channelCase, 1));
            var raw = (SplitInferenceEnv)env.Unwrapped;
            double sum = 0;
            for (int seed = 0; seed < 40; seed++)
            {
                env.Reset(seed);
                sum += raw.OracleSplit;
            }
            return sum / 40;
        }
        double low = MeanOracleSplit(ChannelCase.Low), high = MeanOracleSplit(ChannelCase.High);
        Assert.True(high >= low + 2, $"Mean optimal split: low-noise case {low}, high-noise case {high}; the cases should call for different splits.");
    }
}
