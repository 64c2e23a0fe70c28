using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core;
using SplitGym.Core.Checking;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Tests;

/// <summary>
/// The learned-model pieces of the env: the tabulated learned model (against a straightforward
/// bilinear interpolation of the same knots), the learned env built on it, and the fitted channel transition.
/// </summary>
public sealed class LearnedModelTests
{
    private const int SigmaKnots = 9, ShapeKnots = 5;
    private static readonly ChannelRange Coverage = SyntheticTable.Backend().Coverage;

    /// <summary>The synthetic law as a learned model: log perplexity, with a spread that grows with σ.</summary>
    private static IReadOnlyList<PerplexityEstimate> Law(IReadOnlyList<ModelQuery> queries) =>
        [.. queries.Select(q => new PerplexityEstimate(Math.Log(SyntheticTable.Law(q.Split, q.Channel.Sigma, q.Channel.Shape)), 0.1 * q.Channel.Sigma))];

    private static LearnedModelGrid Grid(IChannelDrift? drift = null) =>
        LearnedModelGrid.Tabulate(SyntheticTable.Layers, Coverage, SigmaKnots, ShapeKnots, Law, drift);

    /// <summary>Independent reference: locate the cell by searching the knot lists, then interpolate in σ and log m.</summary>
    private static double ReferenceLogPerplexity(int split, double sigma, double shape)
    {
        var sigmas = Enumerable.Range(0, SigmaKnots).Select(i => Coverage.SigmaMin + (Coverage.SigmaMax - Coverage.SigmaMin) * i / (SigmaKnots - 1)).ToArray();
        var logShapes = Enumerable.Range(0, ShapeKnots).Select(j => Math.Log(Coverage.ShapeMin) + (Math.Log(Coverage.ShapeMax) - Math.Log(Coverage.ShapeMin)) * j / (ShapeKnots - 1)).ToArray();
        double Knot(int i, int j) => Math.Log(SyntheticTable.Law(split, sigmas[i], Math.Exp(logShapes[j])));
        (int, double) Cell(double[] axis, double x)
        {
            x = Math.Clamp(x, axis[0], axis[^1]);
            int i = 0;
            while (i < axis.Length - 2 && x > axis[i + 1]) i++;
            return (i, (x - axis[i]) / (axis[i + 1] - axis[i]));
        }
        var (si, sw) = Cell(sigmas, sigma);
        var (mj, mw) = Cell(logShapes, Math.Log(shape));
        return (1 - sw) * ((1 - mw) * Knot(si, mj) + mw * Knot(si, mj + 1)) + sw * ((1 - mw) * Knot(si + 1, mj) + mw * Knot(si + 1, mj + 1));
    }

    [Property(MaxTest = 200)]
    public void GridMatchesAStraightforwardBilinearInterpolation(PositiveInt splitSeed, NormalFloat sigmaSeed, NormalFloat shapeSeed)
    {
        int split = splitSeed.Get % (SyntheticTable.Layers - 1) + 1;
        double sigma = Math.Abs(sigmaSeed.Get) % 1.0;           // also beyond the coverage (0.8): clamped
        double shape = 0.3 + Math.Abs(shapeSeed.Get) % 10.0;    // also outside [0.5, 8]: clamped
        var estimate = Grid().Estimate(split, new ChannelState(sigma, shape));
        Assert.Equal(ReferenceLogPerplexity(split, sigma, shape), estimate.LogPerplexity, 9);
        Assert.Equal(Math.Exp(estimate.LogPerplexity), Grid().PredictPerplexity(split, new ChannelState(sigma, shape)), 9);
        Assert.InRange(estimate.LogSpread, 0, 0.1 * Coverage.SigmaMax + 1e-12);
    }

    [Fact]
    public void GridIsExactAtTheKnots()
    {
        var grid = Grid();
        foreach (int split in new[] { 1, 6, 11 })
            foreach (double sigma in new[] { 0.0, 0.3, 0.8 })
                Assert.Equal(Math.Log(SyntheticTable.Law(split, sigma, 2)), grid.Estimate(split, new ChannelState(sigma, 2)).LogPerplexity, 9);
    }

    [Fact]
    public void GridRejectsBrokenModelsAndAxes()
    {
        var short_ = Assert.Throws<InvalidOperationException>(() => LearnedModelGrid.Tabulate(SyntheticTable.Layers, Coverage, 3, 3, q => [.. Law(q).Skip(1)], null));
        Assert.Contains("answered", short_.Message);
        var nan = Assert.Throws<InvalidOperationException>(() => LearnedModelGrid.Tabulate(SyntheticTable.Layers, Coverage, 3, 3, q => [.. q.Select(_ => new PerplexityEstimate(double.NaN, 0))], null));
        Assert.Contains("NaN", nan.Message);
        var negative = Assert.Throws<InvalidOperationException>(() => LearnedModelGrid.Tabulate(SyntheticTable.Layers, Coverage, 3, 3, q => [.. q.Select(_ => new PerplexityEstimate(1, -0.5))], null));
        Assert.Contains("-0.5", negative.Message);
        var axis = Assert.Throws<ArgumentException>(() => LearnedModelGrid.Tabulate(SyntheticTable.Layers, Coverage, 1, 3, Law, null));
        Assert.Contains("σ", axis.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Grid().Estimate(SyntheticTable.Layers, new ChannelState(0.1, 1)));
    }

    [Fact]
    public void GridOfTheErasureVariantHasOneShape()
    {
        var coverage = new ChannelRange(0.01, 0.3, 0, 0);
        var grid = LearnedModelGrid.Tabulate(SyntheticTable.Layers, coverage, 8, 5, q => [.. q.Select(x => new PerplexityEstimate(Math.Log(SyntheticTable.ErasureLaw(x.Split, x.Channel.Sigma)), 0))], null);
        Assert.Equal(8, grid.PointsPerSplit);
        Assert.Equal(Math.Log(SyntheticTable.ErasureLaw(4, 0.3)), grid.Estimate(4, new ChannelState(0.3, 0)).LogPerplexity, 9);
    }

    [Fact]
    public void LearnedEnvPassesTheCheckerCostsNothingAndFindsTheTableOracle()
    {
        using var real = new SplitInferenceEnv(SyntheticTable.Backend(deterministic: true), new SplitInferenceOptions { EpisodeLength = 12 });
        using var learned = LearnedEnvironment.Create(LearnedModelGrid.Tabulate(SyntheticTable.Layers, Coverage, 33, 9, Law, null), real);
        Assert.Empty(EnvChecker.Check(learned, skipRenderCheck: true, skipCloseCheck: true));
        Assert.Equal(real.Backend.CleanPerplexity, learned.Backend.CleanPerplexity);
        Assert.Equal(real.ChannelRange, learned.ChannelRange);
        foreach (var (sigma, shape) in new[] { (0.0, 8.0), (0.4, 1.0), (0.8, 0.5) })
        {
            var channel = new Dictionary<string, object?> { ["sigma"] = sigma, ["shape"] = shape };
            real.Reset(seed: 1, options: channel);
            learned.Reset(seed: 1, options: channel);
            Assert.Equal(real.OracleSplit, learned.OracleSplit);
        }
        learned.Reset(seed: 2);
        for (int t = 0; t < 20; t++) Assert.Equal(0.0, (double)learned.Step(t % 3).Info[SplitInferenceInfo.LiveEvaluations]!);
        Assert.Equal(0, learned.Backend.LiveEvaluations);
    }

    [Fact]
    public void LearnedEnvUsesTheModelsChannelTransition()
    {
        using var real = new SplitInferenceEnv(SyntheticTable.Backend(), new SplitInferenceOptions { EpisodeLength = 12 });
        using var fixedEnv = LearnedEnvironment.Create(Grid(), real);
        using var drifting = LearnedEnvironment.Create(Grid(new GaussMarkovDrift(0.5, 0.3)), real);
        fixedEnv.Reset(seed: 3);
        drifting.Reset(seed: 3);
        var fixedStart = fixedEnv.Channel;
        var driftStart = drifting.Channel;
        for (int t = 0; t < 5; t++)
        {
            fixedEnv.Step(1);
            drifting.Step(1);
        }
        Assert.Equal(fixedStart, fixedEnv.Channel);
        Assert.NotEqual(driftStart, drifting.Channel);
    }

    [Fact]
    public void TransitionFitRecoversAGaussMarkovDrift()
    {
        var range = new ChannelRange(0, 100, 0.5, 8);
        var truth = new GaussMarkovDrift(0.9, 0.1);
        var rng = new Rng(11);
        var pairs = new List<(ChannelState, ChannelState)>();
        var state = range.At(0.5, 0.5);
        for (int t = 0; t < 4000; t++)
        {
            var next = truth.Next(state, range, rng);
            pairs.Add((state, next));
            state = next;
        }
        var fitted = ChannelTransitionFit.Fit(pairs, range)!;
        Assert.InRange(fitted.Correlation, 0.87, 0.93);
        Assert.InRange(fitted.RelativeSpread, 0.085, 0.115);
    }

    [Fact]
    public void TransitionFitOfAStillChannelIsNoDriftAndRejectsForeignStates()
    {
        var range = new ChannelRange(0, 1, 0.5, 8);
        var still = new ChannelState(0.4, 2);
        Assert.Null(ChannelTransitionFit.Fit([(still, still), (still, still)], range));
        Assert.Null(ChannelTransitionFit.Fit([], range));
        var error = Assert.Throws<ArgumentException>(() => ChannelTransitionFit.Fit([(still, new ChannelState(5, 2))], range));
        Assert.Contains("outside", error.Message);
    }
}
