namespace SplitGym.Llm.Perplexity;

/// <summary>Perplexity of a (split) model over an evaluation text, with its Monte-Carlo spread over channel draws.</summary>
/// <param name="Mean">Mean over repeats of each repeat's perplexity exp(mean NLL per token).</param>
/// <param name="StandardError">Sample standard deviation of the per-repeat perplexities divided by √repeats; NaN for a single repeat (undefined), 0 when the channel is deterministic.</param>
/// <param name="PerRepeat">Perplexity of each repeat, in repeat order.</param>
/// <param name="TokenCount">Scored tokens per repeat (units: tokens of the tokenizer in use, e.g. bytes).</param>
public sealed record PerplexityResult(double Mean, double StandardError, IReadOnlyList<double> PerRepeat, long TokenCount)
{
    /// <summary>Summarises per-repeat perplexities.</summary>
    public static PerplexityResult FromRepeats(IReadOnlyList<double> perRepeat, long tokenCount)
    {
        var mean = perRepeat.Average();
        var standardError = perRepeat.Count < 2
            ? double.NaN
            : Math.Sqrt(perRepeat.Sum(value => (value - mean) * (value - mean)) / (perRepeat.Count - 1) / perRepeat.Count);
        return new PerplexityResult(mean, standardError, perRepeat, tokenCount);
    }
}
