namespace SplitGym.Analysis.Figures;

/// <summary>
/// One panel of learning curves: several learners (mean ± std bands) and optional reference lines,
/// against environment steps. <see cref="LearningCurvePanels"/> and <see cref="ActionSpaceCurves"/>
/// build these from their own inputs; notebooks can build them directly.
/// </summary>
/// <param name="Title">Panel title (e.g. <c>case L (low noise)</c>).</param>
/// <param name="Learners">The band series, in legend order.</param>
/// <param name="References">Horizontal reference lines (may be empty).</param>
public sealed record CurvePanel(string Title, IReadOnlyList<LearnerCurves> Learners, IReadOnlyList<ReferenceLevel> References);
