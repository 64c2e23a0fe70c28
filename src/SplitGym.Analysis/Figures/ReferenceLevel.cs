namespace SplitGym.Analysis.Figures;

/// <summary>
/// A horizontal reference line on a learning-curve panel, e.g. the evaluation return of the random or
/// oracle baseline, in the same units as the curves (return per episode).
/// </summary>
/// <param name="Name">Legend name (e.g. <c>oracle (evaluation)</c>).</param>
/// <param name="Value">Height of the line, in the panel's y units; must be finite.</param>
public sealed record ReferenceLevel(string Name, double Value);
