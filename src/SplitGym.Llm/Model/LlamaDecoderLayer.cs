using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace SplitGym.Llm.Model;

/// <summary>
/// One pre-norm LLaMA decoder layer: h = x + attn(norm₁(x)); out = h + mlp(norm₂(h)).
/// Submodules (Hugging Face names): <c>self_attn</c>, <c>mlp</c>, <c>input_layernorm</c>, <c>post_attention_layernorm</c>.
/// Its output is the residual stream that a split after this layer transmits.
/// </summary>
public sealed class LlamaDecoderLayer : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "self_attn")]
    private readonly LlamaAttention _attention;
    [ComponentName(Name = "mlp")]
    private readonly LlamaMlp _mlp;
    [ComponentName(Name = "input_layernorm")]
    private readonly RmsNorm _inputNorm;
    [ComponentName(Name = "post_attention_layernorm")]
    private readonly RmsNorm _postAttentionNorm;

    /// <summary>Creates the layer for <paramref name="config"/>.</summary>
    public LlamaDecoderLayer(LlamaConfig config) : base(nameof(LlamaDecoderLayer))
    {
        _attention = new LlamaAttention(config);
        _mlp = new LlamaMlp(config);
        _inputNorm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        _postAttentionNorm = new RmsNorm(config.HiddenSize, config.RmsNormEps);
        RegisterComponents();
    }

    /// <summary>Transforms the residual stream <paramref name="hidden"/> [batch, tokens, hidden] given rotary tables [tokens, head_dim].</summary>
    public override Tensor forward(Tensor hidden, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var afterAttention = hidden + _attention.forward(_inputNorm.forward(hidden), cos, sin);
        return (afterAttention + _mlp.forward(_postAttentionNorm.forward(afterAttention))).MoveToOuterDisposeScope();
    }
}
