using SplitGym.Llm.Model;

namespace SplitGym.Llm.Cost;

/// <summary>
/// The shape of a LLaMA-style decoder that determines its arithmetic cost. Kept separate from the
/// checkpoint configuration so the cost model needs nothing but these numbers (any checkpoint, or a
/// hypothetical one, can be costed).
/// </summary>
/// <param name="HiddenSize">Model width <c>d</c> (elements per token vector).</param>
/// <param name="IntermediateSize">Width <c>I</c> of the SwiGLU feed-forward block.</param>
/// <param name="NumAttentionHeads">Query heads <c>h</c>; the head width is <c>d / h</c>.</param>
/// <param name="NumKeyValueHeads">Key/value heads (grouped-query attention); equals <c>h</c> for plain multi-head attention.</param>
/// <param name="VocabSize">Vocabulary size <c>V</c> (rows of the LM head).</param>
/// <param name="NumLayers">Number of decoder layers <c>L</c>.</param>
/// <param name="SequenceLength">Tokens per forward window <c>T</c>; the attention cost per token grows with it.</param>
public sealed record DecoderDimensions(
    int HiddenSize,
    int IntermediateSize,
    int NumAttentionHeads,
    int NumKeyValueHeads,
    int VocabSize,
    int NumLayers,
    int SequenceLength)
{
    /// <summary>Explicit head width for checkpoints whose heads are not <c>d / h</c> wide (Hugging Face <c>head_dim</c>); null means <c>d / h</c>.</summary>
    public int? HeadSizeOverride { get; init; }

    /// <summary>Width of one attention head.</summary>
    public int HeadSize => HeadSizeOverride ?? HiddenSize / NumAttentionHeads;

    /// <summary>Width of the query projection output, <c>h · head size</c> (equals <c>d</c> unless the head width is overridden).</summary>
    public int QuerySize => NumAttentionHeads * HeadSize;

    /// <summary>Width of the key (and value) projection output, <c>h_kv · head size</c>.</summary>
    public int KeyValueSize => NumKeyValueHeads * HeadSize;

    /// <summary>The dimensions of a checkpoint's architecture, costed for windows of <paramref name="sequenceLength"/> tokens.</summary>
    public static DecoderDimensions From(LlamaConfig config, int sequenceLength) =>
        new(config.HiddenSize, config.IntermediateSize, config.NumAttentionHeads, config.KeyValueHeads,
            config.VocabSize, config.NumHiddenLayers, sequenceLength)
        {
            HeadSizeOverride = config.HeadDimOverride,
        };

    /// <summary>Throws when a dimension is not positive or the heads do not divide the width evenly.</summary>
    /// <exception cref="ArgumentException">A dimension is invalid; the message names it and its value.</exception>
    public void Validate()
    {
        RequirePositive(HiddenSize, nameof(HiddenSize));
        RequirePositive(IntermediateSize, nameof(IntermediateSize));
        RequirePositive(NumAttentionHeads, nameof(NumAttentionHeads));
        RequirePositive(NumKeyValueHeads, nameof(NumKeyValueHeads));
        RequirePositive(VocabSize, nameof(VocabSize));
        RequirePositive(NumLayers, nameof(NumLayers));
        RequirePositive(SequenceLength, nameof(SequenceLength));
        if (HeadSizeOverride is { } headSize)
            RequirePositive(headSize, nameof(HeadSizeOverride));
        else if (HiddenSize % NumAttentionHeads != 0)
            throw new ArgumentException($"HiddenSize {HiddenSize} is not divisible by NumAttentionHeads {NumAttentionHeads}.");
        if (NumAttentionHeads % NumKeyValueHeads != 0)
            throw new ArgumentException($"NumAttentionHeads {NumAttentionHeads} is not divisible by NumKeyValueHeads {NumKeyValueHeads}.");
    }

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0)
            throw new ArgumentException($"{name} must be positive, got {value}.");
    }
}
