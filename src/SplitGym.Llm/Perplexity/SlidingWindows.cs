namespace SplitGym.Llm.Perplexity;

/// <summary>
/// How a token sequence is cut into equal-length perplexity windows, following the Hugging Face
/// sliding-window recipe: window k feeds tokens [k·stride, k·stride + window) and scores only the
/// predictions of targets that no earlier window has scored, so every token after the first is scored
/// exactly once, with up to <c>window − stride</c> tokens of extra context. One difference keeps every
/// window the same length so they batch: the final window is right-aligned to the end of the text
/// (it therefore has at least as much context as in the Hugging Face recipe).
/// With stride &lt; window every token after the first is scored. With stride = window (no overlap), as in
/// the Hugging Face recipe, the first token of each window has no context inside its window and is not
/// scored; <see cref="ScoredTokens"/> counts exactly what is scored.
/// </summary>
public sealed class SlidingWindows
{
    /// <summary>Plans windows over <paramref name="tokenCount"/> tokens.</summary>
    /// <param name="tokenCount">Length of the evaluation text in tokens (≥ 2).</param>
    /// <param name="window">Tokens fed per window (≥ 2); the whole text if it is shorter.</param>
    /// <param name="stride">Tokens each window advances by, 1 ≤ stride ≤ window; stride = window means no overlap.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it and its value.</exception>
    public SlidingWindows(int tokenCount, int window, int stride)
    {
        if (tokenCount < 2) throw new ArgumentOutOfRangeException(nameof(tokenCount), tokenCount, "Perplexity needs at least 2 tokens of text.");
        if (window < 2) throw new ArgumentOutOfRangeException(nameof(window), window, "Perplexity window must be at least 2 tokens.");
        if (stride < 1 || stride > window) throw new ArgumentOutOfRangeException(nameof(stride), stride, $"Stride must lie in [1, window = {window}].");
        (TokenCount, Stride, Window) = (tokenCount, stride, Math.Min(window, tokenCount));
        Starts = PlanStarts(tokenCount, Window, stride);
        ScoredTokens = Enumerable.Range(0, Starts.Count).Sum(index => Window - 1 - FirstScoredPrediction(index));
    }

    /// <summary>Text length in tokens.</summary>
    public int TokenCount { get; }

    /// <summary>Tokens per window (the requested window, or the text length if shorter).</summary>
    public int Window { get; }

    /// <summary>Tokens between window starts.</summary>
    public int Stride { get; }

    /// <summary>First token of each window.</summary>
    public IReadOnlyList<int> Starts { get; }

    /// <summary>Number of windows.</summary>
    public int Count => Starts.Count;

    /// <summary>Number of scored predictions over all windows (tokens − 1 when stride &lt; window).</summary>
    public int ScoredTokens { get; }

    /// <summary>
    /// Index, within window <paramref name="index"/>'s W − 1 predictions (prediction i targets the
    /// window's token i + 1), of the first one it scores; the earlier ones were scored by a previous window.
    /// </summary>
    public int FirstScoredPrediction(int index)
    {
        if (index == 0) return 0;
        var lastScoredTarget = Starts[index - 1] + Window - 1;
        return Math.Max(0, lastScoredTarget - Starts[index]);
    }

    private static List<int> PlanStarts(int tokens, int window, int stride)
    {
        var starts = new List<int>();
        for (var start = 0; ; start += stride)
        {
            if (start + window >= tokens)
            {
                starts.Add(tokens - window);
                return starts;
            }
            starts.Add(start);
        }
    }
}
