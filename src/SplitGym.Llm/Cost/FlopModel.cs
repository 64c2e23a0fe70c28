namespace SplitGym.Llm.Cost;

/// <summary>
/// Floating-point operations per token of each component of a LLaMA-style forward pass, for one
/// window of <c>T</c> tokens. A multiply-add counts as 2 FLOPs. Notation: <c>d</c> hidden size,
/// <c>h</c> query heads, <c>q = h · head size</c> query width (= <c>d</c> unless the head width is
/// overridden), <c>kv = h_kv · head size</c> key/value width, <c>I</c> feed-forward width,
/// <c>V</c> vocabulary, <c>k̄ = (T+1)/2</c> the mean number of key positions a causal token attends to.
/// </summary>
/// <remarks>
/// Per component (per token):
/// <list type="bullet">
/// <item>Embedding lookup: <c>d</c> — a gather does no arithmetic; one operation per element written.</item>
/// <item>RMSNorm: <c>4d</c> — square, accumulate, scale by the reciprocal root, multiply by the gain.</item>
/// <item>Q and O projections: <c>2d·q</c> each; K and V projections: <c>2d·kv</c> each.</item>
/// <item>Rotary embedding on q and k: <c>3(q + kv)</c> — two multiplies and one add per element.</item>
/// <item>Attention scores q·kᵀ: <c>2q·k̄</c>; scaling and softmax (scale, max-subtract, exp, sum, divide): <c>5h·k̄</c>; weighted sum of values: <c>2q·k̄</c>.</item>
/// <item>Residual additions: <c>2d</c> (after attention and after the feed-forward block).</item>
/// <item>SwiGLU feed-forward: gate and up projections <c>2d·I</c> each, SiLU <c>4I</c>, gating product <c>I</c>, down projection <c>2I·d</c>.</item>
/// <item>Final RMSNorm <c>4d</c> and LM head <c>2d·V</c>.</item>
/// </list>
/// A decoder layer is two RMSNorms plus attention, residuals and feed-forward. Why count the small
/// element-wise terms at all: for narrow models (d ≈ 100) they are a visible share of the cost.
/// </remarks>
public sealed class FlopModel
{
    private readonly DecoderDimensions _dims;

    /// <summary>Creates the cost model for the given decoder shape.</summary>
    /// <exception cref="ArgumentException">The shape is invalid.</exception>
    public FlopModel(DecoderDimensions dimensions)
    {
        dimensions.Validate();
        _dims = dimensions;
    }

    /// <summary>Mean number of key positions per query under a causal mask, <c>(T+1)/2</c>.</summary>
    public double MeanAttendedPositions => (_dims.SequenceLength + 1) / 2.0;

    /// <summary>FLOPs per token of the embedding lookup.</summary>
    public double Embedding => _dims.HiddenSize;

    /// <summary>FLOPs per token of one RMSNorm.</summary>
    public double RmsNorm => 4.0 * _dims.HiddenSize;

    /// <summary>FLOPs per token of the self-attention block (projections, rotary, scores, softmax, values).</summary>
    public double Attention
    {
        get
        {
            double d = _dims.HiddenSize, q = _dims.QuerySize, kv = _dims.KeyValueSize, h = _dims.NumAttentionHeads;
            double projections = 2 * (2 * d * q) + 2 * (2 * d * kv);
            double rotary = 3 * (q + kv);
            double scoresAndValues = 2 * (2 * q * MeanAttendedPositions);
            double softmax = 5 * h * MeanAttendedPositions;
            return projections + rotary + scoresAndValues + softmax;
        }
    }

    /// <summary>FLOPs per token of the SwiGLU feed-forward block.</summary>
    public double FeedForward
    {
        get
        {
            double d = _dims.HiddenSize, i = _dims.IntermediateSize;
            return 3 * (2 * d * i) + 4 * i + i;
        }
    }

    /// <summary>FLOPs per token of the two residual additions of a layer.</summary>
    public double Residuals => 2.0 * _dims.HiddenSize;

    /// <summary>FLOPs per token of one decoder layer.</summary>
    public double DecoderLayer => 2 * RmsNorm + Attention + Residuals + FeedForward;

    /// <summary>FLOPs per token of the head: final RMSNorm plus the LM head projection to logits.</summary>
    public double Head => RmsNorm + 2.0 * _dims.HiddenSize * _dims.VocabSize;

    /// <summary>FLOPs per token of the whole forward pass.</summary>
    public double Total => Embedding + _dims.NumLayers * DecoderLayer + Head;
}
