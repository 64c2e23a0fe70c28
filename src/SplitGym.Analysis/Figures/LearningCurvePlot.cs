namespace SplitGym.Analysis.Figures;

/// <summary>
/// Learning curves of one comparison in a single panel: each learner's mean training-episode return
/// against environment steps with a ±1 std band over seeds, and baselines (which do not train) as
/// horizontal reference lines at their evaluation return. Read curves from run folders with
/// <see cref="ProgressCsv"/>.
/// </summary>
public static class LearningCurvePlot
{
    /// <summary>Writes the PNG (1000 × 600 px) to <paramref name="path"/>.</summary>
    /// <param name="title">Figure title, e.g. the env id; "learning curves" is appended.</param>
    /// <param name="learners">One series per learning agent (its seeds' curves).</param>
    /// <param name="references">Evaluation returns of non-learning baselines (may be empty).</param>
    /// <param name="path">Where the PNG goes.</param>
    public static void Save(string title, IReadOnlyList<LearnerCurves> learners, IReadOnlyList<ReferenceLevel> references, string path) =>
        CurvePanelRenderer.Save([new CurvePanel($"{title}: learning curves, mean ± std over seeds", learners, references)], path);
}
