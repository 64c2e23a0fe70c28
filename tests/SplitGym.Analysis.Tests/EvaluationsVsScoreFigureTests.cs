using SplitGym.Analysis.Figures;

namespace SplitGym.Analysis.Tests;

public class EvaluationsVsScoreFigureTests : TempFolder
{
    private static readonly AgentCostCurve Ppo = new("ppo", AgentFamily.ModelFree, [new(100_000, 0.95, 0.03), new(10_000, 0.4, 0.1), new(30_000, 0.7, 0.05)]);
    private static readonly AgentCostCurve Mbrl = new("mbrl", AgentFamily.ModelBased, [new(300, 0.5, 0.1), new(1_000, 0.9, 0.04)]);

    [Fact]
    public void Series_is_log10_of_evaluations_in_increasing_order()
    {
        var series = EvaluationsVsScoreFigure.Series(Ppo);
        Assert.Equal([4.0, Math.Log10(30_000), 5.0], series.LogEvaluations);
        Assert.Equal([0.4, 0.7, 0.95], series.Score);
        Assert.Equal([0.1, 0.05, 0.03], series.ScoreStd);
    }

    [Fact]
    public void Writes_a_png_with_one_line_per_agent()
    {
        var path = PathOf("cost.png");
        EvaluationsVsScoreFigure.Save("SplitInference-A-k1-v0", [Ppo, Mbrl], path);
        using var png = Png.Check(path, 1000, 600);
        Assert.True(Png.CountNear(png, Png.Series(0)) > 100);
        Assert.True(Png.CountNear(png, Png.Series(1)) > 100);
    }

    [Theory]
    [InlineData(0.0, 0.5, 0.0, "> 0")]
    [InlineData(-10.0, 0.5, 0.0, "> 0")]
    [InlineData(double.NaN, 0.5, 0.0, "> 0")]
    [InlineData(100.0, double.NaN, 0.0, "score must be finite")]
    [InlineData(100.0, 0.5, -0.1, "std finite and ≥ 0")]
    public void Points_that_cannot_be_drawn_are_refused(double evaluations, double score, double std, string expected)
    {
        var bad = new AgentCostCurve("dqn", AgentFamily.ModelFree, [new(evaluations, score, std)]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationsVsScoreFigure.Save("x", [bad], PathOf("bad.png")));
        Assert.Contains("Agent 'dqn'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void No_agents_or_no_points_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EvaluationsVsScoreFigure.Save("x", [], PathOf("none.png")));
        Assert.Throws<ArgumentException>(() => EvaluationsVsScoreFigure.Series(new AgentCostCurve("a2c", AgentFamily.ModelFree, [])));
    }
}

public class LogAxisTests
{
    [Theory]
    [InlineData(20_000.0, "20,000")]
    [InlineData(500.0, "500")]
    [InlineData(0.05, "0.05")]
    [InlineData(2.0, "2")]
    [InlineData(2e6, "2E+06")]
    public void Labels_read_as_plain_numbers(double value, string expected) => Assert.Equal(expected, LogAxis.Label(value));

    [Fact]
    public void Ticks_sit_at_the_log10_of_1_2_5_values()
    {
        var plot = new ScottPlot.Plot();
        LogAxis.Apply(plot.Axes.Bottom, 2, 4);
        plot.Axes.SetLimitsX(1.9, 4.1);
        plot.GetImage(600, 400).Dispose();
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToArray();
        Assert.Equal([2, Math.Log10(200), Math.Log10(500), 3, Math.Log10(2000), Math.Log10(5000), 4], ticks.Select(t => t.Position));
        Assert.Equal(["100", "200", "500", "1,000", "2,000", "5,000", "10,000"], ticks.Select(t => t.Label));
    }
}
