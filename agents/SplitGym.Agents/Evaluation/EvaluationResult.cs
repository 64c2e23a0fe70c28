namespace SplitGym.Agents.Evaluation;

/// <summary>
/// The outcome of <see cref="Evaluator.Evaluate"/>. The split-inference fields are null for envs
/// whose info has no oracle (e.g. CartPole).
/// </summary>
/// <param name="Returns">Return of each episode.</param>
/// <param name="Lengths">Length of each episode in steps.</param>
/// <param name="MeanRegret">Mean per-step regret (expected reward at p* minus at the agent's split).</param>
/// <param name="NormalisedScore">(R_agent − R_random) / (R_oracle − R_random) over all episodes, with expected (noise-free) returns: 0 no skill, 1 perfect.</param>
/// <param name="LiveEvaluations">Live-equivalent perplexity evaluations the episodes consumed.</param>
public sealed record EvaluationResult(double[] Returns, int[] Lengths, double? MeanRegret, double? NormalisedScore, long LiveEvaluations)
{
    /// <summary>Mean episode return.</summary>
    public double MeanReturn => Returns.Average();

    /// <summary>Population standard deviation of the episode returns (as SB3's <c>evaluate_policy</c>).</summary>
    public double StdReturn => Math.Sqrt(Returns.Average(r => (r - MeanReturn) * (r - MeanReturn)));

    /// <summary>Mean episode length.</summary>
    public double MeanLength => Lengths.Average();
}
