namespace SplitGym.Analysis.Figures;

/// <summary>
/// One agent's line on <see cref="EvaluationsVsScoreFigure"/>: its normalised score at several training
/// budgets, measured in live-equivalent evaluations.
/// </summary>
/// <param name="Agent">Legend name (e.g. <c>ppo</c>, <c>mbrl</c>).</param>
/// <param name="Family">Model-free or model-based: sets the marker shape and line pattern.</param>
/// <param name="Points">The measurements (at least one), in any order; drawn in increasing evaluations.</param>
public sealed record AgentCostCurve(string Agent, AgentFamily Family, IReadOnlyList<CostPoint> Points);
