using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Optimization;

/// <summary>
/// One Adam update of one parameter tensor, with the arithmetic of <c>torch.optim.Adam</c>/<c>AdamW</c>
/// and every scalar argument created explicitly (see <see cref="SafeOptimizers"/> for why).
/// </summary>
/// <param name="LearningRate">Step size.</param>
/// <param name="Beta1">First-moment decay.</param>
/// <param name="Beta2">Second-moment decay.</param>
/// <param name="Eps">Denominator stabiliser.</param>
/// <param name="L2Decay">Coefficient of the parameter added to the gradient (Adam's weight decay).</param>
/// <param name="DecoupledDecay">Fraction of the parameter removed per unit learning rate before the step (AdamW's weight decay).</param>
internal readonly record struct AdamUpdate(double LearningRate, double Beta1, double Beta2, double Eps, double L2Decay, double DecoupledDecay)
{
    /// <summary>
    /// Updates every parameter that has a gradient; <paramref name="advance"/> maps a parameter handle to its
    /// moment buffers and its new 1-based step count (it increments the count in the optimizer's state).
    /// </summary>
    public void ApplyAll(IEnumerable<TorchSharp.Modules.Parameter> parameters, Func<IntPtr, (Tensor FirstMoment, Tensor SecondMoment, long Step)> advance)
    {
        foreach (var parameter in parameters)
        {
            var gradient = parameter.grad;
            if (gradient is null) continue;
            var (firstMoment, secondMoment, step) = advance(parameter.Handle);
            Apply(parameter, gradient, firstMoment, secondMoment, step);
        }
    }

    /// <summary>Applies the update for the <paramref name="step"/>-th step (1-based) in place; call inside <c>no_grad</c> and a dispose scope.</summary>
    public void Apply(Tensor parameter, Tensor gradient, Tensor firstMoment, Tensor secondMoment, long step)
    {
        if (DecoupledDecay != 0)
        {
            using var keep = (1 - LearningRate * DecoupledDecay).ToScalar();
            parameter.mul_(keep);
        }
        var biasCorrection1 = 1 - Math.Pow(Beta1, step);
        var biasCorrection2 = 1 - Math.Pow(Beta2, step);
        var effective = L2Decay == 0 ? gradient : WithL2(parameter, gradient);
        using var beta1 = Beta1.ToScalar();
        using var oneMinusBeta1 = (1 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var rootBias2 = Math.Sqrt(biasCorrection2).ToScalar();
        using var eps = Eps.ToScalar();
        using var negativeStep = (-(LearningRate / biasCorrection1)).ToScalar();
        firstMoment.mul_(beta1).add_(effective, alpha: oneMinusBeta1);
        secondMoment.mul_(beta2).addcmul_(effective, effective, value: oneMinusBeta2);
        var denominator = secondMoment.sqrt().div_(rootBias2).add_(eps);
        parameter.addcdiv_(firstMoment, denominator, value: negativeStep);
    }

    private Tensor WithL2(Tensor parameter, Tensor gradient)
    {
        using var decay = L2Decay.ToScalar();
        return gradient.add(parameter, alpha: decay);
    }
}
