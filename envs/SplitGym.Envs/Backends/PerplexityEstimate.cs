namespace SplitGym.Envs.Backends;

/// <summary>
/// A learned model's answer for one (split, channel): its expected perplexity and how unsure it is.
/// </summary>
/// <param name="LogPerplexity">Predicted expected log perplexity (natural log of a dimensionless perplexity &gt; 0).</param>
/// <param name="LogSpread">
/// Uncertainty of <paramref name="LogPerplexity"/> as a standard deviation in log units (≥ 0; 0.1 ≈ ±10 %).
/// For an ensemble it is the spread of the members' predictions; a single fitted model reports 0.
/// </param>
public readonly record struct PerplexityEstimate(double LogPerplexity, double LogSpread)
{
    /// <summary>The predicted expected perplexity, <c>exp(LogPerplexity)</c>.</summary>
    public double Perplexity => Math.Exp(LogPerplexity);
}
