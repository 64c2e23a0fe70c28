using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Model;

/// <summary>
/// SwiGLU feed-forward block, down(silu(gate(x)) ⊙ up(x)). Parameters (Hugging Face names, no biases):
/// <c>gate_proj.weight</c>/<c>up_proj.weight</c> [intermediate, hidden], <c>down_proj.weight</c> [hidden, intermediate].
/// </summary>
public sealed class LlamaMlp : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "gate_proj")]
    private readonly Linear _gateProjection;
    [ComponentName(Name = "up_proj")]
    private readonly Linear _upProjection;
    [ComponentName(Name = "down_proj")]
    private readonly Linear _downProjection;

    /// <summary>Creates the projections for <paramref name="config"/>.</summary>
    public LlamaMlp(LlamaConfig config) : base(nameof(LlamaMlp))
    {
        _gateProjection = nn.Linear(config.HiddenSize, config.IntermediateSize, hasBias: false);
        _upProjection = nn.Linear(config.HiddenSize, config.IntermediateSize, hasBias: false);
        _downProjection = nn.Linear(config.IntermediateSize, config.HiddenSize, hasBias: false);
        RegisterComponents();
    }

    /// <summary>Applies the block to <paramref name="hidden"/> [..., hidden].</summary>
    public override Tensor forward(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        var gated = nn.functional.silu(_gateProjection.forward(hidden)) * _upProjection.forward(hidden);
        return _downProjection.forward(gated).MoveToOuterDisposeScope();
    }
}
