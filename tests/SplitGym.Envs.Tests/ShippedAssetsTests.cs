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
            foreach (var backend in new[] { "table", "table-deterministic" })
            {
                using var env = registry.Make(id, new Dictionary<string, object?> { ["backend"] = backend });
                var warnings = EnvChecker.Check(env.Unwrapped);
                Assert.All(warnings, w => Assert.Contains("maximum and minimum values are equal", w));
            }
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

    /// <summary>
    /// The documented claim (README, docs/calibration.md, <see cref="ChannelCases"/>): with the default λ the
    /// optimal split is p* = 1 in every channel of case L and p* = 31 in every channel of case H.
    /// </summary>
    [Theory]
    [InlineData(ChannelCase.Low, 1)]
    [InlineData(ChannelCase.High, 31)]
    public void EveryChannelOfTheCaseHasTheDocumentedOptimalSplit(ChannelCase channelCase, int documented)
    {
        var registry = SplitInferenceRegistration.RegisterDefaults();
        using var env = registry.Make<float[], int>(SplitInferenceRegistration.CaseId(channelCase, 1));
        var raw = (SplitInferenceEnv)env.Unwrapped;
        var range = raw.ChannelRange;
        for (int i = 0; i <= 40; i++)
        {
            for (int j = 0; j <= 8; j++)
            {
                var channel = range.At(i / 40.0, j / 8.0);
                env.Reset(seed: 0, new Dictionary<string, object?> { ["sigma"] = channel.Sigma, ["shape"] = channel.Shape });
                Assert.True(raw.OracleSplit == documented, $"Case {channelCase}: p* = {raw.OracleSplit} at σ = {channel.Sigma}, m = {channel.Shape}; documented {documented}.");
            }
        }
        for (int seed = 0; seed < 100; seed++)
        {
            env.Reset(seed);
            Assert.Equal(documented, raw.OracleSplit);
        }
    }

    /// <summary>The observation bounds documented in SplitInferenceEnv's XML docs and the README.</summary>
    [Theory]
    [InlineData("SplitInference-L-k1-v0", 0f, 9.6f, 0.5f, 8f, 31f)]
    [InlineData("SplitInference-H-k3-v0", 16f, 64f, 0.5f, 8f, 31f)]
    [InlineData("SplitInference-A-k2-v0", 0f, 64f, 0.5f, 8f, 31f)]
    [InlineData("SplitInference-v0", 0f, 64f, 0.5f, 8f, 31f)]
    [InlineData("SplitInferenceAuthors-v0", 0.01f, 0.3f, 0f, 0f, 10f)]
    public void ObservationBoundsAreTheDocumentedOnes(string id, float sigmaMin, float sigmaMax, float shapeMin, float shapeMax, float splitMax)
    {
        using var env = SplitInferenceRegistration.RegisterDefaults().Make<float[], int>(id);
        var box = (SplitGym.Core.Spaces.Box<float>)env.ObservationSpace;
        Assert.Equal([sigmaMin, shapeMin, 1f], box.Low.ToArray());
        Assert.Equal([sigmaMax, shapeMax, splitMax], box.High.ToArray());
    }
}
