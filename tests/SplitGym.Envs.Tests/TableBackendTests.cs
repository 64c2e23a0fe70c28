using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Tests;

/// <summary>The table backend's interpolation and measurement noise against references computed here from the synthetic law.</summary>
public class TableBackendTests
{
    private static readonly TableBackend Deterministic = SyntheticTable.Backend(deterministic: true);

    private static double Expected(TableBackend backend, int split, double sigma, double shape)
    {
        var bySplit = new double[SyntheticTable.Layers + 1];
        backend.ExpectedPerplexities(new ChannelState(sigma, shape), bySplit);
        return bySplit[split];
    }

    /// <summary>log PPL along σ at a shape knot, with the σ = 0 anchor at the clean perplexity the backend adds.</summary>
    private static double ReferenceLogPerplexity(int split, double sigma, double shape)
    {
        double[] knots = [0, .. SyntheticTable.Sigmas];
        double[] logs = [Math.Log(SyntheticTable.Clean), .. SyntheticTable.Sigmas.Select(s => Math.Log(SyntheticTable.Law(split, s, shape)))];
        return ReferencePchip.Evaluate(knots, logs, sigma);
    }

    [Theory]
    [InlineData(1, 0.07, 2.0)]
    [InlineData(4, 0.15, 0.5)]
    [InlineData(7, 0.3, 8.0)]
    [InlineData(11, 0.6, 1.0)]
    [InlineData(3, 0.02, 4.0)]
    public void OffKnotSigmaFollowsMonotoneCubicInLogPerplexity(int split, double sigma, double shape)
    {
        Assert.Equal(Math.Exp(ReferenceLogPerplexity(split, sigma, shape)), Expected(Deterministic, split, sigma, shape), 1e-9);
    }

    [Theory]
    [InlineData(2, 0.4, 3.0)]
    [InlineData(6, 0.25, 0.7)]
    [InlineData(9, 0.8, 5.5)]
    public void ShapeBetweenKnotsIsLinearInLogShape(int split, double sigma, double shape)
    {
        double lower = SyntheticTable.Shapes.Last(m => m <= shape), upper = SyntheticTable.Shapes.First(m => m > shape);
        double weight = Math.Log(shape / lower) / Math.Log(upper / lower);
        double logValue = (1 - weight) * ReferenceLogPerplexity(split, sigma, lower) + weight * ReferenceLogPerplexity(split, sigma, upper);
        Assert.Equal(Math.Exp(logValue), Expected(Deterministic, split, sigma, shape), 1e-9);
    }

    [Fact]
    public void ZeroNoiseIsAnchoredAtTheCleanPerplexityForEverySplitAndShape()
    {
        Assert.True(SyntheticTable.Sigmas[0] > 0, "The anchor applies when the table's first σ knot is above zero.");
        foreach (double shape in new[] { 0.5, 1.3, 8.0 })
            for (int split = 1; split < SyntheticTable.Layers; split++)
                Assert.Equal(SyntheticTable.Clean, Expected(Deterministic, split, 0, shape), 1e-12);
    }

    [Property(MaxTest = 200)]
    public void ExpectedPerplexityNeverFallsAsNoiseGrows(PositiveInt splitSeed, NormalFloat a, NormalFloat b, NormalFloat m)
    {
        int split = splitSeed.Get % (SyntheticTable.Layers - 1) + 1;
        double Unit(NormalFloat v) => Math.Abs(v.Get) % 1.0;
        double low = 0.9 * Unit(a), high = low + 0.9 * Unit(b) * (0.9 - low);
        double shape = 0.4 * Math.Pow(25, Unit(m));
        Assert.True(Expected(Deterministic, split, low, shape) <= Expected(Deterministic, split, high, shape) * (1 + 1e-12),
            $"PPL fell from σ = {low} to σ = {high} at split {split}, m = {shape}.");
    }

    [Theory]
    [InlineData(3, 0.4, 2.0)]
    [InlineData(9, 0.1, 0.5)]
    public void MeasurementsAreUnbiasedWithTheRecordedSingleDrawSpread(int split, double sigma, double shape)
    {
        var table = SyntheticTable.Build(spread: 0.2);
        var backend = new TableBackend(table, SyntheticTable.ComputeShares());
        var cell = table.Cells.Single(c => c.Split == split && c.Intensity == sigma && c.Shape == shape);
        double recorded = cell.StandardError * Math.Sqrt(cell.Repeats) / cell.Mean;
        double expected = Expected(backend, split, sigma, shape);
        const int draws = 40_000;
        var rng = new Rng(11);
        var values = Enumerable.Range(0, draws).Select(_ => backend.MeasurePerplexity(split, new ChannelState(sigma, shape), expected, rng)).ToArray();
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (draws - 1));
        Assert.True(Math.Abs(mean - expected) <= 4 * sd / Math.Sqrt(draws), $"Mean {mean} vs deterministic {expected} (± {4 * sd / Math.Sqrt(draws)}).");
        Assert.Equal(recorded, sd / mean, 0.05 * recorded);
        Assert.Equal(draws, backend.LiveEvaluations);
    }
}
