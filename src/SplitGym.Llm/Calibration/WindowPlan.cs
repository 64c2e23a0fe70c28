namespace SplitGym.Llm.Calibration;

/// <summary>
/// How an evaluation text is cut into equal-length perplexity windows. Window <c>k</c> feeds tokens
/// <c>[k·stride, k·stride + window)</c> and predicts each next token. The first window scores all its
/// <c>window</c> predictions; every later window scores only its last <c>stride</c> predictions (the
/// others were already scored by an earlier window with less context), so every target token is
/// scored exactly once. A ragged tail shorter than a full step is dropped so all windows batch
/// together.
/// </summary>
public sealed record WindowPlan
{
    /// <summary>Plans windows over <paramref name="tokenCount"/> tokens.</summary>
    /// <exception cref="ArgumentException">The text is shorter than one window plus its last target, or window/stride are invalid.</exception>
    public WindowPlan(int tokenCount, int window, int stride)
    {
        if (window < 1 || stride < 1 || stride > window)
            throw new ArgumentException($"Window ({window}) and stride ({stride}) must satisfy 1 ≤ stride ≤ window.");
        if (tokenCount < window + 1)
            throw new ArgumentException($"The evaluation text has {tokenCount} tokens; one window of {window} needs at least {window + 1}.");
        Window = window;
        Stride = stride;
        Count = (tokenCount - 1 - window) / stride + 1;
    }

    /// <summary>Tokens fed per window.</summary>
    public int Window { get; }

    /// <summary>Tokens each window advances by.</summary>
    public int Stride { get; }

    /// <summary>Number of windows.</summary>
    public int Count { get; }

    /// <summary>Tokens scored over all windows.</summary>
    public int ScoredTokens => Window + (Count - 1) * Stride;

    /// <summary>First input token of window <paramref name="index"/>.</summary>
    public int Start(int index) => index * Stride;

    /// <summary>Position within window <paramref name="index"/> of its first scored prediction.</summary>
    public int FirstScored(int index) => index == 0 ? 0 : Window - Stride;
}
