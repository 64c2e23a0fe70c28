using SplitGym.Agents.Baselines;
using SplitGym.Analysis.Figures;
using SplitGym.Core;
using SplitGym.Envs;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;

namespace SplitGym.Analysis.Tests;

/// <summary>The policy-map sweep on the shipped env (real table backend) with real baseline agents, and the figure drawn from it.</summary>
public sealed class PolicyMapTests : TempFolder
{
    private readonly Env<float[], int> _wrapped = SplitInferenceRegistration.RegisterDefaults().Make<float[], int>("SplitInference-A-k1-v0");

    private SplitInferenceEnv Env => (SplitInferenceEnv)_wrapped.Unwrapped;

    private double[] SigmaGrid(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Env.ChannelRange.SigmaMin + (Env.ChannelRange.SigmaMax - Env.ChannelRange.SigmaMin) * i / (count - 1))];

    private double[] Shapes => [Env.ChannelRange.ShapeMin, Env.ChannelRange.ShapeMax];

    [Fact]
    public void The_oracle_agent_settles_on_p_star_everywhere()
    {
        var points = PolicyMapSweep.Run(new OracleAgent(Env), Env, SigmaGrid(9), Shapes);
        Assert.Equal(9 * 2 * 2, points.Count);
        Assert.All(points, p => Assert.True(p.Settled && p.ChosenSplit == p.OracleSplit, $"{p}"));
        Assert.Equal([1, 31], points.Select(p => p.StartSplit).Distinct().Order());
        Assert.Equal(SigmaGrid(9), points.Select(p => p.Sigma).Distinct());
        Assert.True(points.Select(p => p.OracleSplit).Distinct().Count() >= 2, "p* should change across σ on the shipped table");
    }

    [Fact]
    public void A_fixed_split_agent_settles_on_its_split_from_both_ends()
    {
        var points = PolicyMapSweep.Run(new FixedSplitAgent(9, 1), Env, SigmaGrid(4), Shapes);
        Assert.All(points, p => Assert.True(p.Settled && p.ChosenSplit == 9, $"{p}"));
    }

    [Fact]
    public void A_short_budget_leaves_the_agent_moving_and_says_so()
    {
        var points = PolicyMapSweep.Run(new FixedSplitAgent(20, 1), Env, [10.0], [1.0], startSplits: [1], maxSteps: 3);
        var point = Assert.Single(points);
        Assert.Equal(4, point.ChosenSplit);
        Assert.False(point.Settled);
    }

    [Fact]
    public void Same_seed_gives_the_same_sweep()
    {
        var first = PolicyMapSweep.Run(new OracleAgent(Env), Env, SigmaGrid(5), Shapes, seed: 3);
        var second = PolicyMapSweep.Run(new OracleAgent(Env), Env, SigmaGrid(5), Shapes, seed: 3);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Bad_sweeps_are_refused_clearly()
    {
        var agent = new OracleAgent(Env);
        var sigma = Assert.Throws<ArgumentOutOfRangeException>(() => PolicyMapSweep.Run(agent, Env, [Env.ChannelRange.SigmaMax + 1], Shapes));
        Assert.Contains("σ must lie in the env's channel range", sigma.Message);
        var start = Assert.Throws<ArgumentOutOfRangeException>(() => PolicyMapSweep.Run(agent, Env, [1.0], Shapes, startSplits: [0]));
        Assert.Contains("split range [1, 31]", start.Message);
        Assert.Throws<ArgumentException>(() => PolicyMapSweep.Run(agent, Env, [], Shapes));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolicyMapSweep.Run(agent, Env, [1.0], Shapes, maxSteps: 0));
        using var drifting = new SplitInferenceEnv(Env.Backend, Env.Options with { Drift = new GaussMarkovDrift(0.9, 0.1) });
        Assert.Contains("channel drift", Assert.Throws<ArgumentException>(() => PolicyMapSweep.Run(agent, drifting, [1.0], Shapes)).Message);
    }

    [Fact]
    public void Trends_are_the_loess_of_each_shape_and_the_figure_is_written()
    {
        var points = PolicyMapSweep.Run(new OracleAgent(Env), Env, SigmaGrid(12), Shapes);
        var trends = PolicyMapFigure.Trends(points, span: 0.5, robustnessIterations: 0);
        Assert.Equal(Shapes, trends.Select(t => t.Shape));
        foreach (var trend in trends)
        {
            var group = points.Where(p => p.Shape == trend.Shape).ToList();
            var loess = new Loess([.. group.Select(p => p.Sigma)], [.. group.Select(p => (double)p.ChosenSplit)], 0.5, 0);
            int lowest = group.Min(p => p.ChosenSplit), highest = group.Max(p => p.ChosenSplit);
            Assert.Equal(PolicyMapFigure.TrendPoints, trend.Sigma.Length);
            Assert.Equal(Env.ChannelRange.SigmaMin, trend.Sigma[0]);
            Assert.Equal(Env.ChannelRange.SigmaMax, trend.Sigma[^1], 9);
            for (int i = 0; i < trend.Sigma.Length; i += 11) Assert.Equal(Math.Clamp(loess.Predict(trend.Sigma[i]), lowest, highest), trend.Split[i], 12);
            double low = trend.Split.Take(trend.Split.Length / 3).Average(), high = trend.Split.TakeLast(trend.Split.Length / 3).Average();
            Assert.True(high > low + 10, $"the trend should rise from shallow splits at low noise to deep splits at high noise; thirds average {low} and {high}");
        }
        var path = PathOf("fig7.png");
        PolicyMapFigure.Save("oracle on SplitInference-A-k1-v0", points, path);
        using var png = Png.Check(path, 1000, 650);
        Assert.True(Png.CountNear(png, Png.Series(0)) > 100);
        Assert.True(Png.CountNear(png, Png.Series(1)) > 100);
    }

    [Fact]
    public void Robustness_flattens_a_step_onto_its_majority_which_is_why_it_is_off_by_default()
    {
        // A step policy written out by hand (independent of the shipped table), from both start ends as the sweep does:
        // shallow at the lowest of 12 σ values, deep (30 or 31, as near-ties make real policies) above.
        int Chosen(int i, int start) => i < 1 ? 1 : start == 1 ? 30 : 31;
        var points = SigmaGrid(12).SelectMany((sigma, i) => new[] { 1, 31 }.Select(start => new PolicyMapPoint(sigma, 1, start, Chosen(i, start), Chosen(i, start), true))).ToList();
        var robust = PolicyMapFigure.Trends(points, span: 0.5, robustnessIterations: 2).Single();
        var plain = PolicyMapFigure.Trends(points).Single();
        Assert.True(robust.Split[0] > 25, $"with robustness the low-σ minority is discarded; trend starts at {robust.Split[0]}");
        Assert.True(plain.Split[0] < 12, $"without robustness the trend is pulled towards the shallow splits; it starts at {plain.Split[0]}");
    }

    [Fact]
    public void A_shape_with_a_single_sigma_gets_no_trend()
    {
        var points = PolicyMapSweep.Run(new OracleAgent(Env), Env, [5.0], Shapes);
        Assert.Empty(PolicyMapFigure.Trends(points));
        var path = PathOf("single.png");
        PolicyMapFigure.Save("oracle", points, path);
        Png.Check(path, 1000, 650).Dispose();
        Assert.Throws<ArgumentException>(() => PolicyMapFigure.Save("none", [], PathOf("none.png")));
    }

    protected override void OnDispose() => _wrapped.Dispose();
}
