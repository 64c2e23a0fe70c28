using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Model;

/// <summary>
/// The LLaMA decoder stack without the LM head (Hugging Face <c>model.*</c>): token embedding
/// <c>embed_tokens.weight</c> [vocab, hidden], decoder layers <c>layers.{i}</c>, final RMSNorm <c>norm.weight</c>.
/// Exposes the stages separately so that a split runner can stop and resume the residual stream at any layer.
/// </summary>
/// <remarks>
/// The token embedding is TorchSharp's own <c>nn.Embedding</c> registered as <c>embed_tokens</c> (and the LM head
/// of <see cref="LlamaForCausalLM"/> its own <c>nn.Linear</c> as <c>lm_head</c>) rather than a SplitGym module file
/// like the other parts: these are exactly the Hugging Face modules, their parameter is already named
/// <c>weight</c>, and libtorch's embedding kernels (forward and backward) are what the shipped model was trained
/// with, so a wrapper would add nothing but a risk to bit-exact training reproducibility.
/// </remarks>
public sealed class LlamaModel : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "embed_tokens")]
    private readonly Embedding _embedTokens;
    [ComponentName(Name = "layers")]
    private readonly ModuleList<LlamaDecoderLayer> _layers;
    [ComponentName(Name = "norm")]
    private readonly RmsNorm _norm;
    private readonly RotaryEmbedding _rotary;

    /// <summary>Creates the stack for <paramref name="config"/>.</summary>
    public LlamaModel(LlamaConfig config) : base(nameof(LlamaModel))
    {
        _embedTokens = nn.Embedding(config.VocabSize, config.HiddenSize);
        _layers = nn.ModuleList(Enumerable.Range(0, config.NumHiddenLayers).Select(_ => new LlamaDecoderLayer(config)).ToArray());
        _norm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        _rotary = new RotaryEmbedding(config.HeadDim, config.MaxPositionEmbeddings, config.RopeTheta);
        RegisterComponents();
    }

    /// <summary>The token embedding matrix [vocab, hidden] (shared with the LM head when embeddings are tied).</summary>
    public Parameter EmbeddingWeight => _embedTokens.weight!;

    /// <summary>Number of decoder layers.</summary>
    public int LayerCount => _layers.Count;

    /// <summary>Looks up token embeddings: ids [batch, tokens] (int64) → residual stream [batch, tokens, hidden].</summary>
    /// <exception cref="ArgumentException">An id lies outside [0, vocab).</exception>
    public Tensor Embed(Tensor inputIds)
    {
        RequireTokenIds(inputIds);
        return _embedTokens.forward(inputIds);
    }

    /// <summary>Runs decoder layers [<paramref name="start"/>, <paramref name="end"/>) on the residual stream [batch, tokens, hidden].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The layer range is not within [0, L].</exception>
    public Tensor RunLayers(Tensor hidden, int start, int end)
    {
        if (start < 0 || end > LayerCount || start > end)
            throw new ArgumentOutOfRangeException(nameof(start), $"Layer range [{start}, {end}) is not within [0, {LayerCount}].");
        using var scope = NewDisposeScope();
        var (cos, sin) = _rotary.Angles(hidden.shape[1], hidden.dtype, hidden.device);
        var stream = hidden.alias();
        for (var layer = start; layer < end; layer++)
            stream = _layers[layer].forward(stream, cos, sin);
        return stream.MoveToOuterDisposeScope();
    }

    /// <summary>Applies the final RMSNorm.</summary>
    public Tensor Normalize(Tensor hidden) => _norm.forward(hidden);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) _rotary.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Full stack: ids [batch, tokens] → normalised final hidden state [batch, tokens, hidden].</summary>
    public override Tensor forward(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        return Normalize(RunLayers(Embed(inputIds), 0, LayerCount)).MoveToOuterDisposeScope();
    }

    private void RequireTokenIds(Tensor inputIds)
    {
        if (inputIds.dtype != ScalarType.Int64 || inputIds.dim() != 2)
            throw new ArgumentException($"Input ids must be an int64 tensor [batch, tokens]; got {inputIds.dtype} with shape [{string.Join(", ", inputIds.shape)}].", nameof(inputIds));
        if (inputIds.numel() == 0) return;
        var (low, high) = (inputIds.min().item<long>(), inputIds.max().item<long>());
        var vocab = _embedTokens.weight!.shape[0];
        if (low < 0 || high >= vocab)
            throw new ArgumentException($"Token ids must lie in [0, {vocab}); got ids in [{low}, {high}].", nameof(inputIds));
    }
}
