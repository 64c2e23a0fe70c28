
namespace SplitGym.Analysis.Figures;

/// <summary>
/// Training curves of one agent on one action space (one series of <see cref="ActionSpaceCurves"/>).
/// </summary>
/// <param name="Agent">Agent name (one panel per distinct agent).</param>
/// <param name="MaxMove">K, the largest move in layers per step; the action space is Discrete(2K + 1). At least 1.</param>
/// <param name="Seeds">One training curve per seed.</param>
public sealed record ActionSpaceRun(string Agent, int MaxMove, IReadOnlyList<TrainingCurve> Seeds);
