using SplitGym.Analysis.Figures;
using SplitGym.Envs.Channel;

namespace SplitGym.Analysis.Tests;

public class LearningCurveFigureTests : TempFolder
{
    private static CaseCurves Case(ChannelCase channelCase, double final) => new(
        channelCase,
        [new LearnerCurves("ppo", SyntheticCurves.Seeds(3, final)), new LearnerCurves("dqn", SyntheticCurves.Seeds(3, final - 2))],
        [new ReferenceLevel("oracle (evaluation)", final + 1)]);

    [Fact]
    public void Panels_one_per_case_writes_a_three_panel_png_with_each_learner_in_every_panel()
    {
        var path = PathOf("fig5.png");
        LearningCurvePanels.Save("SplitInference k1", [Case(ChannelCase.All, -4), Case(ChannelCase.Low, -1), Case(ChannelCase.High, -8)], path);
        using var png = Png.Check(path, 3 * 700, 600);
        Png.SeriesInEveryPanel(png, 0, 3);
        Png.SeriesInEveryPanel(png, 1, 3);
    }

    [Fact]
    public void Panels_are_ordered_L_H_A_and_titled_by_case()
    {
        var panels = LearningCurvePanels.Panels("env", [Case(ChannelCase.All, -4), Case(ChannelCase.Low, -1), Case(ChannelCase.High, -8)]);
        Assert.Equal(["env: case L (low noise)", "env: case H (high noise)", "env: case A (all noise levels)"], panels.Select(p => p.Title));
        Assert.Equal(-1 + 1, panels[0].References[0].Value);
    }

    [Fact]
    public void A_repeated_case_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LearningCurvePanels.Panels("env", [Case(ChannelCase.Low, -1), Case(ChannelCase.Low, -2)]));
        Assert.Contains("Case L appears 2 times", error.Message);
    }

    [Fact]
    public void Single_panel_plot_writes_its_png()
    {
        var path = PathOf("compare.png");
        LearningCurvePlot.Save("SplitInference-A-k1-v0", [new LearnerCurves("ppo", SyntheticCurves.Seeds(2, -3))], [new ReferenceLevel("random (evaluation)", -15)], path);
        using var png = Png.Check(path, 1000, 600);
        Assert.True(Png.CountNear(png, Png.Series(0)) > 100);
    }

    [Fact]
    public void Action_space_curves_group_by_agent_and_order_by_K()
    {
        ActionSpaceRun[] runs =
        [
            new("ppo", 3, SyntheticCurves.Seeds(2, -6)), new("ppo", 1, SyntheticCurves.Seeds(2, -3)),
            new("dqn", 2, SyntheticCurves.Seeds(2, -5)), new("ppo", 2, SyntheticCurves.Seeds(2, -4)),
        ];
        var panels = ActionSpaceCurves.Panels("SplitInference-A", runs);
        Assert.Equal(["SplitInference-A: ppo, action-space sizes", "SplitInference-A: dqn, action-space sizes"], panels.Select(p => p.Title));
        Assert.Equal(["K = 1 (3 actions)", "K = 2 (5 actions)", "K = 3 (7 actions)"], panels[0].Learners.Select(l => l.Name));
        var path = PathOf("fig8.png");
        ActionSpaceCurves.Save("SplitInference-A", runs, path);
        using var png = Png.Check(path, 2 * 700, 600);
        Png.SeriesInEveryPanel(png, 1, 2);
    }

    [Fact]
    public void Action_space_curves_refuse_bad_K_and_repeats()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActionSpaceCurves.Panels("x", [new ActionSpaceRun("ppo", 0, SyntheticCurves.Seeds(1, 0))]));
        var repeated = Assert.Throws<ArgumentException>(() => ActionSpaceCurves.Panels("x", [new ActionSpaceRun("ppo", 1, SyntheticCurves.Seeds(1, 0)), new ActionSpaceRun("ppo", 1, SyntheticCurves.Seeds(1, 0))]));
        Assert.Contains("K = 1 appears 2 times", repeated.Message);
    }

    [Fact]
    public void Empty_figures_and_learners_are_refused()
    {
        Assert.Throws<ArgumentException>(() => LearningCurvePanels.Save("x", [], PathOf("none.png")));
        Assert.Throws<ArgumentException>(() => new LearnerCurves("ppo", []));
        Assert.Throws<ArgumentException>(() => new LearnerCurves(" ", SyntheticCurves.Seeds(1, 0)));
        Assert.False(File.Exists(PathOf("none.png")));
    }
}
