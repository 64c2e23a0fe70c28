namespace SplitGym.Analysis.Figures;

/// <summary>One agent's drawn data on <see cref="EvaluationsVsScoreFigure"/>, in increasing evaluations.</summary>
/// <param name="LogEvaluations">log10 of the live-equivalent evaluations (the x axis positions).</param>
/// <param name="Score">Normalised score at each point.</param>
/// <param name="ScoreStd">Its standard deviation over seeds (error-bar half-length).</param>
public sealed record CostSeries(double[] LogEvaluations, double[] Score, double[] ScoreStd);
