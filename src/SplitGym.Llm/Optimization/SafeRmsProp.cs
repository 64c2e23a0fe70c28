using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Optimization;

/// <summary>
/// <c>torch.optim.RMSprop</c> (no momentum, not centred) with race-free scalar arguments (see <see cref="SafeOptimizers"/>);
/// the same arithmetic as TorchSharp's <see cref="RMSProp"/>.
/// </summary>
public sealed class SafeRmsProp : RMSProp
{
    internal SafeRmsProp(IEnumerable<Parameter> parameters, double learningRate, double alpha, double eps, double weightDecay)
        : base(parameters, learningRate, alpha, eps, weightDecay)
    {
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        UnsupportedOptions.Reject(amsgrad: false, options.maximize!.Value);
        if (options.momentum!.Value != 0 || options.centered!.Value)
            throw new NotSupportedException($"SafeRmsProp supports momentum 0 and centered false; got momentum {options.momentum} and centered {options.centered}.");
        using var alpha = options.alpha!.Value.ToScalar();
        using var oneMinusAlpha = (1 - options.alpha.Value).ToScalar();
        using var eps = options.eps!.Value.ToScalar();
        using var negativeRate = (-options.LearningRate!.Value).ToScalar();
        using var decay = options.weight_decay!.Value.ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var gradient = parameter.grad;
            if (gradient is null) continue;
            var state = (State)_state[parameter.Handle];
            state.step += 1;
            if (options.weight_decay.Value != 0) gradient = gradient.add(parameter, alpha: decay);
            state.square_avg.mul_(alpha).addcmul_(gradient, gradient, value: oneMinusAlpha);
            var denominator = state.square_avg.sqrt().add_(eps);
            parameter.addcdiv_(gradient, denominator, value: negativeRate);
        }
    }, closure);
}
