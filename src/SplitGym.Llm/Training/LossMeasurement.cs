namespace SplitGym.Llm.Training;

/// <summary>
/// Summed next-token negative log-likelihood (nats) over a number of scored tokens; for a byte-level
/// model the per-token figures are per byte.
/// </summary>
/// <param name="TotalNll">Sum of −ln p(token) over the scored tokens, in nats.</param>
/// <param name="Tokens">Number of scored tokens.</param>
public readonly record struct LossMeasurement(double TotalNll, long Tokens)
{
    /// <summary>Mean NLL per token (nats); the cross-entropy loss.</summary>
    public double MeanNll => TotalNll / Tokens;

    /// <summary>exp(mean NLL): per-token (per-byte) perplexity.</summary>
    public double Perplexity => Math.Exp(MeanNll);

    /// <summary>Mean NLL in bits per token (bits per byte for a byte-level model).</summary>
    public double BitsPerToken => MeanNll / Math.Log(2);

    /// <summary>The sum of two measurements.</summary>
    public static LossMeasurement operator +(LossMeasurement a, LossMeasurement b) => new(a.TotalNll + b.TotalNll, a.Tokens + b.Tokens);
}
