using SplitGym.Agents.Training;
using SplitGym.Core.Vector;
using SplitGym.Llm.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.OnPolicy;

/// <summary>
/// Proximal Policy Optimisation (Schulman et al. 2017) with SB3's defaults (<see cref="PpoOptions"/>):
/// several epochs of minibatch Adam (ε 1e-5) steps on each rollout, maximising the clipped surrogate
/// objective with a value loss and an entropy bonus; optional value clipping and target-KL early stop.
/// </summary>
public sealed class Ppo : OnPolicyAlgorithm
{
    private readonly SafeAdam _optimizer;
    private readonly long[] _order;

    /// <summary>Creates PPO on <paramref name="env"/> (owned; <see cref="AutoresetMode.Disabled"/>).</summary>
    public Ppo(VectorEnv env, PpoOptions? options = null, TrainingOptions? training = null)
        : base("PPO", env, options ?? new PpoOptions(), training ?? new TrainingOptions())
    {
        PpoOptions = (PpoOptions)Options;
        _optimizer = SafeOptimizers.Adam(Policy.parameters(), PpoOptions.LearningRate, eps: 1e-5);
        _order = new long[Rollout.Size];
    }

    /// <summary>The hyperparameters.</summary>
    public PpoOptions PpoOptions { get; }

    /// <inheritdoc />
    protected internal override OptimizerHelper Optimizer => _optimizer;

    /// <inheritdoc />
    protected override void Train()
    {
        var data = Rollout.ToTensors();
        var stats = new MinibatchStatistics();
        bool continueTraining = true;
        for (int epoch = 0; epoch < PpoOptions.NEpochs && continueTraining; epoch++)
        {
            Shuffle();
            for (int start = 0; start < _order.Length && continueTraining; start += PpoOptions.BatchSize)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(PpoOptions.BatchSize, _order.Length - start);
                continueTraining = TrainMinibatch(data.Select(tensor(_order.AsSpan(start, count).ToArray())), stats);
            }
            Updates++;
        }
        stats.Record(Logger);
        Logger.Record("train/clip_range", PpoOptions.ClipRange);
        if (PpoOptions.ClipRangeVf is double clipVf) Logger.Record("train/clip_range_vf", clipVf);
    }

    /// <summary>SB3's value clipping: the new value prediction kept within ±<paramref name="clipVf"/> of the rollout's.</summary>
    internal static Tensor ClippedValues(Tensor values, Tensor oldValues, double clipVf)
    {
        using var lower = (-clipVf).ToScalar();
        using var upper = clipVf.ToScalar();
        return oldValues + (values - oldValues).clamp(lower, upper);
    }

    /// <summary>
    /// The value loss: mean squared error between the value prediction — clipped to ±<paramref name="clipVf"/>
    /// around the rollout's value when given (<see cref="ClippedValues"/>) — and the λ-returns.
    /// </summary>
    internal static Tensor ValueLoss(Tensor values, Tensor oldValues, Tensor returns, double? clipVf) =>
        nn.functional.mse_loss(clipVf is double clip ? ClippedValues(values, oldValues, clip) : values, returns);

    /// <summary>
    /// The advantages a minibatch step uses: normalised to zero mean and unit standard deviation within
    /// the minibatch when <paramref name="normalize"/> (SB3 skips a minibatch of one, whose std is undefined).
    /// </summary>
    internal static Tensor MinibatchAdvantages(Tensor advantages, bool normalize) =>
        normalize && advantages.shape[0] > 1 ? Normalized(advantages) : advantages;

    /// <summary>One clipped-surrogate step; false when the target KL stops the update.</summary>
    private bool TrainMinibatch(RolloutTensors batch, MinibatchStatistics stats)
    {
        var (logProbs, entropy, values) = EvaluateActions(batch.Observations, batch.Actions);
        var advantages = MinibatchAdvantages(batch.Advantages, PpoOptions.NormalizeAdvantage);
        var logRatio = logProbs - batch.OldLogProbs;
        var ratio = logRatio.exp();
        double clip = PpoOptions.ClipRange;
        using var lower = (1 - clip).ToScalar();
        using var upper = (1 + clip).ToScalar();
        var policyLoss = -min(advantages * ratio, advantages * ratio.clamp(lower, upper)).mean();
        var valueLoss = ValueLoss(values, batch.OldValues, batch.Returns, PpoOptions.ClipRangeVf);
        var entropyLoss = -entropy.mean();
        var loss = TotalLoss(policyLoss, entropyLoss, valueLoss);
        double approxKl;
        using (no_grad())
        {
            using var one = 1.ToScalar();
            using var clipScalar = clip.ToScalar();
            var ratioMinusOne = ratio.sub(one);
            approxKl = (ratioMinusOne - logRatio).mean().item<float>();
            stats.Add(policyLoss.item<float>(), valueLoss.item<float>(), entropyLoss.item<float>(),
                ratioMinusOne.abs().gt(clipScalar).to(float32).mean().item<float>(), approxKl, loss.item<float>());
        }
        if (PpoOptions.TargetKl is double targetKl && approxKl > 1.5 * targetKl) return false;
        Step(loss);
        return true;
    }

    private void Shuffle()
    {
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = Random.NextInt(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }

    /// <summary>Means over the minibatches of an update, logged under SB3's names.</summary>
    private sealed class MinibatchStatistics
    {
        private double _policy, _value, _entropy, _clipFraction, _approxKl, _lastLoss;
        private int _count;

        public void Add(double policy, double value, double entropy, double clipFraction, double approxKl, double loss)
        {
            _policy += policy;
            _value += value;
            _entropy += entropy;
            _clipFraction += clipFraction;
            _approxKl += approxKl;
            _lastLoss = loss;
            _count++;
        }

        public void Record(Logging.Logger logger)
        {
            if (_count == 0) return;
            logger.Record("train/policy_gradient_loss", _policy / _count);
            logger.Record("train/value_loss", _value / _count);
            logger.Record("train/entropy_loss", _entropy / _count);
            logger.Record("train/clip_fraction", _clipFraction / _count);
            logger.Record("train/approx_kl", _approxKl / _count);
            logger.Record("train/loss", _lastLoss);
        }
    }
}
