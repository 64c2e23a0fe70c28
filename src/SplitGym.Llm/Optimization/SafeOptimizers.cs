using TorchSharp.Modules;

namespace SplitGym.Llm.Optimization;

/// <summary>
/// Factory for SplitGym's optimizers: Adam, AdamW and RMSProp with bit-for-bit the same update rule as
/// TorchSharp's, but with every scalar argument of a native call held alive until the call returns.
/// </summary>
/// <remarks>
/// Why they exist: TorchSharp 0.107's managed optimizers pass doubles to native kernels through implicit
/// <see cref="TorchSharp.Scalar"/> conversions (for example <c>tensor / Math.Sqrt(bias)</c>). The temporary
/// <c>Scalar</c> becomes unreachable as soon as its handle is read, so a garbage collection triggered by
/// another thread during the native call can finalize it and free the native value while the kernel reads it.
/// SplitGym's CI hit this as <c>c10::Scalar::toDouble</c> failing inside <c>Adam.step</c> while other tests
/// allocated in parallel. Here each scalar is created explicitly and disposed only after its last use.
/// </remarks>
public static class SafeOptimizers
{
    /// <summary>Adam (L2 weight decay added to the gradient), like <c>torch.optim.Adam</c>.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="learningRate">Step size (per update, in parameter units per normalised gradient).</param>
    /// <param name="beta1">Decay of the first-moment average.</param>
    /// <param name="beta2">Decay of the second-moment average.</param>
    /// <param name="eps">Added to the denominator for numerical stability.</param>
    /// <param name="weightDecay">L2 penalty coefficient added to the gradient.</param>
    public static SafeAdam Adam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
        => new(parameters, learningRate, beta1, beta2, eps, weightDecay);

    /// <summary>AdamW (decoupled weight decay), like <c>torch.optim.AdamW</c>, over one parameter group.</summary>
    /// <inheritdoc cref="Adam" path="/param"/>
    public static SafeAdamW AdamW(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
        => new([new TorchSharp.Modules.AdamW.ParamGroup(parameters, new TorchSharp.Modules.AdamW.Options())], learningRate, beta1, beta2, eps, weightDecay);

    /// <summary>AdamW over several parameter groups (for example no decay on norm gains); unset group options take these defaults.</summary>
    /// <param name="groups">Parameter groups with their own options.</param>
    /// <param name="learningRate">Default step size.</param>
    /// <param name="beta1">Default first-moment decay.</param>
    /// <param name="beta2">Default second-moment decay.</param>
    /// <param name="eps">Default denominator stabiliser.</param>
    /// <param name="weightDecay">Default decoupled weight decay (fraction of the weight removed per unit learning rate).</param>
    public static SafeAdamW AdamW(IEnumerable<TorchSharp.Modules.AdamW.ParamGroup> groups, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
        => new(groups, learningRate, beta1, beta2, eps, weightDecay);

    /// <summary>RMSProp without momentum or centring, like <c>torch.optim.RMSprop</c> with those defaults.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="learningRate">Step size.</param>
    /// <param name="alpha">Decay of the squared-gradient average.</param>
    /// <param name="eps">Added to the denominator for numerical stability.</param>
    /// <param name="weightDecay">L2 penalty coefficient added to the gradient.</param>
    public static SafeRmsProp RmsProp(IEnumerable<Parameter> parameters, double learningRate = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0)
        => new(parameters, learningRate, alpha, eps, weightDecay);
}
