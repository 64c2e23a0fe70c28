using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Optimization;

/// <summary>
/// <c>torch.optim.AdamW</c> with race-free scalar arguments (see <see cref="SafeOptimizers"/>); the same arithmetic
/// as TorchSharp's <see cref="AdamW"/> (bit-identical results; its state dict is tagged with this type's name). AMSGrad and maximize are not supported.
/// </summary>
public sealed class SafeAdamW : AdamW
{
    internal SafeAdamW(IEnumerable<ParamGroup> groups, double learningRate, double beta1, double beta2, double eps, double weightDecay)
        : base(groups, learningRate, beta1, beta2, eps, weightDecay)
    {
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        UnsupportedOptions.Reject(options.amsgrad!.Value, options.maximize!.Value);
        var update = new AdamUpdate(options.LearningRate!.Value, options.beta1!.Value, options.beta2!.Value, options.eps!.Value, 0, options.weight_decay!.Value);
        update.ApplyAll(group.Parameters, handle =>
        {
            var state = (State)_state[handle];
            state.step += 1;
            return (state.exp_avg, state.exp_avg_sq, state.step);
        });
    }, closure);
}
