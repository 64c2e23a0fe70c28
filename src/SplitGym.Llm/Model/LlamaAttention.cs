using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Model;

/// <summary>
/// Causal multi-head self-attention with rotary positions and grouped-query attention (several query
/// heads share one key/value head). Parameters (Hugging Face names, no biases):
/// <c>q_proj.weight</c> [heads·head_dim, hidden], <c>k_proj.weight</c>/<c>v_proj.weight</c>
/// [kv_heads·head_dim, hidden], <c>o_proj.weight</c> [hidden, heads·head_dim].
/// Uses libtorch's fused scaled-dot-product attention with its built-in causal mask.
/// </summary>
public sealed class LlamaAttention : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "q_proj")]
    private readonly Linear _queryProjection;
    [ComponentName(Name = "k_proj")]
    private readonly Linear _keyProjection;
    [ComponentName(Name = "v_proj")]
    private readonly Linear _valueProjection;
    [ComponentName(Name = "o_proj")]
    private readonly Linear _outputProjection;
    private readonly int _heads;
    private readonly int _keyValueHeads;
    private readonly int _headDim;

    /// <summary>Creates the projections for <paramref name="config"/> (weights uninitialised until the model initialises or loads them).</summary>
    public LlamaAttention(LlamaConfig config) : base(nameof(LlamaAttention))
    {
        _heads = config.NumAttentionHeads;
        _keyValueHeads = config.KeyValueHeads;
        _headDim = config.HeadDim;
        _queryProjection = nn.Linear(config.HiddenSize, _heads * _headDim, hasBias: false);
        _keyProjection = nn.Linear(config.HiddenSize, _keyValueHeads * _headDim, hasBias: false);
        _valueProjection = nn.Linear(config.HiddenSize, _keyValueHeads * _headDim, hasBias: false);
        _outputProjection = nn.Linear(_heads * _headDim, config.HiddenSize, hasBias: false);
        RegisterComponents();
    }

    /// <summary>Attends over <paramref name="hidden"/> [batch, tokens, hidden] with rotary tables [tokens, head_dim].</summary>
    public override Tensor forward(Tensor hidden, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var (batch, tokens) = (hidden.shape[0], hidden.shape[1]);
        var query = RotaryEmbedding.Apply(SplitHeads(_queryProjection.forward(hidden), _heads), cos, sin);
        var key = RotaryEmbedding.Apply(SplitHeads(_keyProjection.forward(hidden), _keyValueHeads), cos, sin);
        var value = SplitHeads(_valueProjection.forward(hidden), _keyValueHeads);
        var groups = _heads / _keyValueHeads;
        if (groups > 1)
        {
            key = key.repeat_interleave(groups, dim: 1);
            value = value.repeat_interleave(groups, dim: 1);
        }
        var attended = nn.functional.scaled_dot_product_attention(query, key, value, is_casual: true);
        var merged = attended.transpose(1, 2).reshape(batch, tokens, _heads * _headDim);
        return _outputProjection.forward(merged).MoveToOuterDisposeScope();
    }

    private Tensor SplitHeads(Tensor projected, int heads) =>
        projected.view(projected.shape[0], projected.shape[1], heads, _headDim).transpose(1, 2);
}
