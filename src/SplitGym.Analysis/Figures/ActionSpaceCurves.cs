using System.Globalization;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// The paper's Fig. 8: training curves (mean ± std over seeds) for action spaces of size 3, 5 and 7
/// (K = 1, 2, 3), one series per K, one panel per agent.
/// </summary>
public static class ActionSpaceCurves
{
    /// <summary>Writes the PNG (1000 × 600 px for one agent, 700 px per panel otherwise) to <paramref name="path"/>.</summary>
    /// <param name="title">Prefix of every panel title, e.g. the env family <c>SplitInference-A</c>.</param>
    /// <param name="runs">One entry per (agent, K); each pair at most once.</param>
    /// <param name="path">Where the PNG goes.</param>
    public static void Save(string title, IReadOnlyList<ActionSpaceRun> runs, string path) =>
        CurvePanelRenderer.Save(Panels(title, runs), path);

    /// <summary>The panels <see cref="Save"/> draws: agents in order of first appearance, series by increasing K.</summary>
    public static IReadOnlyList<CurvePanel> Panels(string title, IReadOnlyList<ActionSpaceRun> runs)
    {
        foreach (var run in runs)
        {
            if (run.MaxMove < 1)
                throw new ArgumentOutOfRangeException(nameof(runs), run.MaxMove, $"Agent '{run.Agent}': K must be at least 1 (Discrete(2K + 1) actions).");
        }
        var repeated = runs.GroupBy(r => (r.Agent, r.MaxMove)).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException($"Agent '{repeated.Key.Agent}' with K = {repeated.Key.MaxMove} appears {repeated.Count()} times; expected once.", nameof(runs));
        return [.. runs.GroupBy(r => r.Agent).Select(agent => new CurvePanel(
            $"{title}: {agent.Key}, action-space sizes",
            [.. agent.OrderBy(r => r.MaxMove).Select(r => new LearnerCurves(SeriesName(r.MaxMove), r.Seeds))],
            []))];
    }

    /// <summary>Legend name of a K: <c>K = 2 (5 actions)</c>.</summary>
    public static string SeriesName(int maxMove) => string.Create(CultureInfo.InvariantCulture, $"K = {maxMove} ({2 * maxMove + 1} actions)");
}
