using SplitGym.Agents.Training;
using SplitGym.Core.Vector;
using SplitGym.Llm.Optimization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.OnPolicy;

/// <summary>
/// Advantage Actor-Critic (synchronous A3C, Mnih et al. 2016) with SB3's defaults
/// (<see cref="A2cOptions"/>): one RMSprop step on each short rollout, minimising
/// −A·log π + value loss − entropy bonus.
/// </summary>
public sealed class A2c : OnPolicyAlgorithm
{
    private readonly SafeRmsProp _optimizer;

    /// <summary>Creates A2C on <paramref name="env"/> (owned; <see cref="AutoresetMode.Disabled"/>).</summary>
    public A2c(VectorEnv env, A2cOptions? options = null, TrainingOptions? training = null)
        : base("A2C", env, options ?? new A2cOptions(), training ?? new TrainingOptions())
    {
        A2cOptions = (A2cOptions)Options;
        _optimizer = SafeOptimizers.RmsProp(Policy.parameters(), A2cOptions.LearningRate, alpha: A2cOptions.RmsPropAlpha, eps: A2cOptions.RmsPropEps);
    }

    /// <summary>The hyperparameters.</summary>
    public A2cOptions A2cOptions { get; }

    /// <inheritdoc />
    protected internal override OptimizerHelper Optimizer => _optimizer;

    /// <inheritdoc />
    protected override int DefaultLogInterval => 100;

    /// <inheritdoc />
    protected override void Train()
    {
        var data = Rollout.ToTensors();
        var (logProbs, entropy, values) = EvaluateActions(data.Observations, data.Actions);
        var advantages = A2cOptions.NormalizeAdvantage ? Normalized(data.Advantages) : data.Advantages;
        var policyLoss = -(advantages * logProbs).mean();
        var valueLoss = nn.functional.mse_loss(values, data.Returns);
        var entropyLoss = -entropy.mean();
        var loss = TotalLoss(policyLoss, entropyLoss, valueLoss);
        Step(loss);
        Updates++;
        Logger.Record("train/policy_loss", policyLoss.item<float>());
        Logger.Record("train/value_loss", valueLoss.item<float>());
        Logger.Record("train/entropy_loss", entropyLoss.item<float>());
    }
}
