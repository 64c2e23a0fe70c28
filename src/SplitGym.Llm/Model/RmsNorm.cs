using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Model;

/// <summary>
/// Root-mean-square layer norm, y = x / sqrt(mean(x²) + ε) · weight, as in LLaMA. The statistics are
/// computed in float32 even for half-precision runs (as Hugging Face does) so that low-precision
/// weights give the same normalisation. Parameter: <c>weight</c> [hidden].
/// </summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "weight")]
    private readonly Parameter _weight;
    private readonly Scalar _epsilon;

    /// <summary>Creates the norm with unit weights.</summary>
    /// <param name="hiddenSize">Width of the normalised last dimension.</param>
    /// <param name="epsilon">Floor added to the mean square (unitless).</param>
    public RmsNorm(long hiddenSize, double epsilon) : base(nameof(RmsNorm))
    {
        _epsilon = epsilon.ToScalar();
        _weight = new Parameter(ones(hiddenSize));
        RegisterComponents();
    }

    /// <summary>Releases ε's native scalar (held as a field so no temporary is finalized mid-call, see SafeOptimizers).</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _epsilon.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Normalises the last dimension of <paramref name="input"/>.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.to_type(ScalarType.Float32);
        var normalised = x * x.square().mean([-1L], keepdim: true).add_(_epsilon).rsqrt_();
        return (_weight * normalised.to_type(input.dtype)).MoveToOuterDisposeScope();
    }
}
