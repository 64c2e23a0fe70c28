namespace SplitGym.Cli.Comparison;

/// <summary>
/// The greedy policy's quality part-way through training: after <see cref="LiveEquivalentEvaluations"/>
/// real (or live-equivalent) perplexity evaluations, it scored <see cref="NormalisedScore"/> on the
/// run's evaluation episodes. A run's trace is the data of the evaluations-versus-score figure.
/// </summary>
/// <param name="LiveEquivalentEvaluations">Real evaluations training had consumed (model-free: env steps).</param>
/// <param name="NormalisedScore">(R − R_random)/(R_oracle − R_random) on the evaluation episodes; NaN without an oracle.</param>
public sealed record TracePoint(long LiveEquivalentEvaluations, double NormalisedScore);
