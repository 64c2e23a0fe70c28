using SplitGym.Llm.Calibration;
using SplitGym.Llm.Cost;

namespace SplitGym.Llm.Tests.Calibration;

public class SplitRewardAnalysisTests
{
    private const double Clean = 4;

    // Mean perplexity [split, σ] for splits 1..3 and σ ∈ {0, 1, 2}: deeper splits are more robust.
    private static readonly double[,] Means = { { 4, 8, 40 }, { 4, 5, 12 }, { 4, 4.4, 6 } };

    private static readonly ComputeLoad Load = new(new DecoderDimensions(8, 16, 2, 2, 10, 4, 4));

    private static PerplexityTable Table()
    {
        var header = CalibrationSamples.Header(splits: [1, 2, 3], intensities: [0, 1, 2], shapes: [1]);
        header = header with { Model = header.Model with { NumLayers = 4 } };
        var cells = new List<PerplexityCell>();
        for (int s = 0; s < 3; s++)
        {
            for (int i = 0; i < 3; i++)
                cells.Add(PerplexityCell.FromDraws(s + 1, i, 1, CalibrationSamples.Tokens, [Means[s, i] - 0.1, Means[s, i] + 0.1]));
        }
        return new PerplexityTable(header, Clean, cells);
    }

    private static int BruteForceOptimum(double lambda, int intensityIndex) =>
        Enumerable.Range(1, 3).OrderByDescending(p => -(Means[p - 1, intensityIndex] / Clean - 1) - lambda * Load.UeShare(p)).ThenBy(p => p).First();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(100.0)]
    public void OptimalSplitMatchesBruteForce(double lambda)
    {
        var analysis = new SplitRewardAnalysis(Table(), Load, lambda);
        for (int i = 0; i < 3; i++)
            Assert.Equal(BruteForceOptimum(lambda, i), analysis.OptimalSplit(i, 0));
    }

    [Fact]
    public void RewardIsNegativeDegradationMinusWeightedLoad()
    {
        var analysis = new SplitRewardAnalysis(Table(), Load, 0.5);
        Assert.Equal(-(12 / Clean - 1) - 0.5 * Load.UeShare(2), analysis.Reward(1, 2, 0), 12);
    }

    [Fact]
    public void ChosenLambdaMovesTheOptimalSplitFromShallowToDeepMidAxis()
    {
        // Splits 1..3 (middle 2): λ = 1 gives p* = 1, 2, 3 (one shallow of three, range 2); λ = 0 gives
        // 1, 3, 3 (same balance and range) and wins the tie as the smaller λ; λ = 100 never moves.
        var scores = LambdaChoice.Score(Table(), Load, [0.0, 1.0, 100.0]);
        Assert.Equal(new LambdaChoice.Candidate(0, 1 / 3.0, 2), scores[0]);
        Assert.Equal(new LambdaChoice.Candidate(1, 1 / 3.0, 2), scores[1]);
        Assert.Equal(new LambdaChoice.Candidate(100, 1, 0), scores[2]);
        Assert.Equal(0, LambdaChoice.Choose(Table(), Load, [0.0, 1.0, 100.0]).Lambda);
        Assert.Equal(1, LambdaChoice.Choose(Table(), Load, [1.0, 100.0]).Lambda);
        Assert.Equal(100, LambdaChoice.Choose(Table(), Load, [100.0]).Lambda);
    }

    [Fact]
    public void ClippedRatioMakesCatastrophicSplitsTieAndTheCheapestWin()
    {
        // At σ = 2 with the degradation capped at 0.4, splits 1 (ratio 10) and 2 (3) both count as 0.4; split 3 (1.5) too.
        var clipped = new SplitRewardAnalysis(Table(), Load, 0.01, maxDegradation: 0.4);
        Assert.Equal(1, clipped.OptimalSplit(2, 0));
        Assert.Equal(-0.4 - 0.01 * Load.UeShare(2), clipped.Reward(1, 2, 0), 12);
        Assert.Equal(3, new SplitRewardAnalysis(Table(), Load, 0.01).OptimalSplit(2, 0));
        Assert.Throws<ArgumentException>(() => new SplitRewardAnalysis(Table(), Load, 1, maxDegradation: 0));
    }

    [Fact]
    public void RejectsMismatchedModelAndNegativeLambda()
    {
        Assert.Throws<ArgumentException>(() => new SplitRewardAnalysis(Table(), new ComputeLoad(new DecoderDimensions(8, 16, 2, 2, 10, 5, 4)), 1));
        Assert.Throws<ArgumentException>(() => new SplitRewardAnalysis(Table(), Load, -1));
    }
}
