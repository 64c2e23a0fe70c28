namespace SplitGym.Llm.Calibration;

/// <summary>
/// Measures perplexity for a calibration sweep. Behind an interface so the sweep's bookkeeping
/// (resume, shards, repeats) is tested with a cheap deterministic evaluator and runs unchanged on
/// the real split model.
/// </summary>
public interface ICellEvaluator
{
    /// <summary>Tokens scored by one perplexity evaluation.</summary>
    int TokensPerRepeat { get; }

    /// <summary>Decoder layers L of the evaluated model; null when the evaluator is not a split model (a test fake).</summary>
    int? NumLayers => null;

    /// <summary>
    /// The checkpoint being evaluated (name, weights SHA-256, layers) when its creator stated it, else null;
    /// lets a consumer refuse a table measured on other weights.
    /// </summary>
    ModelIdentity? Model => null;

    /// <summary>The channel variant the evaluator applies when known, else null (for example when it was given a bare channel factory).</summary>
    ChannelDescription? Channel => null;

    /// <summary>Perplexity of the unsplit model without a channel, on the same windows.</summary>
    double CleanPerplexity();

    /// <summary>
    /// Prepares split point <paramref name="split"/>: the UE side (embedding and layers <c>[0, p)</c>)
    /// does not depend on the channel, so it is computed once here and reused for every channel draw
    /// of every cell at this split.
    /// </summary>
    ISplitSession OpenSplit(int split);
}

/// <summary>Channel draws at one split point; disposing releases the cached UE-side hidden states.</summary>
public interface ISplitSession : IDisposable
{
    /// <summary>
    /// Perplexity with one channel draw applied to the cached hidden states.
    /// </summary>
    /// <param name="intensity">Noise σ, or erasure probability q.</param>
    /// <param name="shape">Nakagami m (ignored for erasure).</param>
    /// <param name="cellSeed">The cell's seed (see <see cref="CellSeed"/>).</param>
    /// <param name="repeat">Draw number within the cell; the same (seed, repeat) gives the same perplexity.</param>
    double Perplexity(double intensity, double shape, ulong cellSeed, int repeat);
}
