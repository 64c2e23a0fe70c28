namespace SplitGym.Analysis.Figures;

/// <summary>
/// One measurement of the cost argument: after consuming <see cref="LiveEvaluations"/> real perplexity
/// evaluations, the agent reached <see cref="Score"/> (mean over seeds) with spread <see cref="ScoreStd"/>.
/// </summary>
/// <param name="LiveEvaluations">Live-equivalent evaluations (runs of the real split model) consumed by training; &gt; 0 (the axis is logarithmic).</param>
/// <param name="Score">Normalised score (R − R_random)/(R_oracle − R_random): 0 is random, 1 is the oracle.</param>
/// <param name="ScoreStd">Standard deviation of the score over seeds (≥ 0; 0 for a single seed).</param>
public sealed record CostPoint(double LiveEvaluations, double Score, double ScoreStd = 0);
