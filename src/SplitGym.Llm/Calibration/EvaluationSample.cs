namespace SplitGym.Llm.Calibration;

/// <summary>
/// Chooses which part of a long evaluation text a calibration scores when only
/// <c>maxTokens</c> fit the time budget. With non-overlapping windows (stride = window) the windows
/// share no context, so the sample is made of whole windows taken at evenly spaced offsets across the
/// entire text: every part of the text (every document, not just the first) is represented. With
/// overlapping windows context runs across windows, so the sample is the first <c>maxTokens</c> tokens.
/// </summary>
public static class EvaluationSample
{
    /// <summary>The tokens to evaluate: all of <paramref name="tokens"/> when they fit, else a sample as described above.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public static int[] Take(IReadOnlyList<int> tokens, int maxTokens, int window, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        if (tokens.Count <= maxTokens)
            return [.. tokens];
        if (stride != window || maxTokens < window)
            return [.. tokens.Take(maxTokens)];
        int chunks = maxTokens / window;
        long span = tokens.Count - window;
        return [.. Enumerable.Range(0, chunks).SelectMany(k => tokens.Skip((int)(k * span / Math.Max(1, chunks - 1))).Take(window))];
    }
}
