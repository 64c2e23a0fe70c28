using SplitGym.Envs.Channel;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// The paper's Fig. 5: learning curves (mean training-episode return, ±1 std band over seeds) against
/// environment steps, one panel per channel case in the order L, H, A, with each learner in the same
/// colour in every panel.
/// </summary>
public static class LearningCurvePanels
{
    /// <summary>Writes the PNG (700 px wide per panel × 600 px) to <paramref name="path"/>.</summary>
    /// <param name="title">Prefix of every panel title, e.g. <c>SplitInference k1</c>.</param>
    /// <param name="cases">One entry per case (each case at most once).</param>
    /// <param name="path">Where the PNG goes.</param>
    public static void Save(string title, IReadOnlyList<CaseCurves> cases, string path) =>
        CurvePanelRenderer.Save(Panels(title, cases), path);

    /// <summary>The panels <see cref="Save"/> draws: ordered L, H, A; fails on a repeated case.</summary>
    public static IReadOnlyList<CurvePanel> Panels(string title, IReadOnlyList<CaseCurves> cases)
    {
        var repeated = cases.GroupBy(c => c.Case).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException($"Case {repeated.Key.Letter()} appears {repeated.Count()} times; expected one entry per case.", nameof(cases));
        return [.. cases.OrderBy(c => c.Case).Select(c => new CurvePanel($"{title}: case {c.Case.Letter()} ({Describe(c.Case)})", c.Learners, c.References))];
    }

    private static string Describe(ChannelCase channelCase) => channelCase switch
    {
        ChannelCase.Low => "low noise",
        ChannelCase.High => "high noise",
        _ => "all noise levels",
    };
}
