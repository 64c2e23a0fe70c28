using System.Text.Json.Nodes;
using SplitGym.Agents.Networks;
using SplitGym.Agents.Training;
using SplitGym.Core.Vector;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Agents.OnPolicy;

/// <summary>
/// The on-policy loop (SB3's <c>OnPolicyAlgorithm</c>): collect NSteps from every sub-env with the
/// current policy, compute GAE advantages, then let the subclass update on the rollout. Truncated
/// episodes are bootstrapped: the reward of the truncating step gets γ·V(final observation), as the
/// episode did not really end.
/// </summary>
public abstract class OnPolicyAlgorithm : Algorithm
{
    private readonly int[] _actions;
    private readonly float[] _logits;
    private readonly float[] _values;
    private readonly float[] _truncatedObservations;
    private readonly int[] _truncatedEnvs;

    /// <summary>Builds the policy (initialised from the seeded generator) and the rollout buffer.</summary>
    protected OnPolicyAlgorithm(string name, VectorEnv env, OnPolicyOptions options, TrainingOptions training) : base(name, env, training)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Policy = new ActorCriticPolicy(env.SingleObservationSpace, Env.ActionCount, options.Network, Random);
        Rollout = new RolloutBuffer(options.NSteps, Env.NumEnvs, Env.ObservationLength);
        _actions = new int[Env.NumEnvs];
        _logits = new float[Env.NumEnvs * Env.ActionCount];
        _values = new float[Env.NumEnvs];
        _truncatedObservations = new float[Env.NumEnvs * Env.ObservationLength];
        _truncatedEnvs = new int[Env.NumEnvs];
    }

    /// <summary>The shared hyperparameters.</summary>
    public OnPolicyOptions Options { get; }

    /// <summary>The policy and value networks.</summary>
    public ActorCriticPolicy Policy { get; }

    /// <summary>The last rollout (rewards already bootstrapped on truncations, advantages computed).</summary>
    protected internal RolloutBuffer Rollout { get; }

    /// <summary>Rollouts collected so far.</summary>
    protected int Iteration { get; private set; }

    /// <summary>Gradient passes so far (SB3's <c>n_updates</c>).</summary>
    protected int Updates { get; set; }

    /// <inheritdoc />
    protected override int DefaultLogInterval => 1;

    /// <inheritdoc />
    protected internal override IReadOnlyList<(string Prefix, nn.Module Module)> Networks => [("policy", Policy)];

    /// <inheritdoc />
    protected override object Hyperparameters => Options;

    /// <inheritdoc />
    public override int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default)
    {
        Span<float> logits = stackalloc float[Env.ActionCount];
        Infer(observation, 1, Policy.Logits, logits);
        return deterministic ? ActionSelection.Argmax(logits, actionMask) : ActionSelection.Sample(logits, PredictRandom, actionMask);
    }

    /// <inheritdoc />
    protected override void RunIteration()
    {
        CollectRollout();
        Iteration++;
        double learningRate = Options.AnnealLearningRate ? Options.LearningRate * ProgressRemaining : Options.LearningRate;
        SetLearningRate(learningRate);
        using (var scope = NewDisposeScope()) Train();
        Logger.Record("train/learning_rate", learningRate);
        Logger.Record("train/n_updates", Updates);
        Logger.Record("train/explained_variance", Rollout.ExplainedVariance());
        Logger.Record("time/iterations", Iteration);
        if (Iteration % LogInterval == 0) DumpLogs();
    }

    /// <summary>Updates the networks on <see cref="Rollout"/> (inside a dispose scope).</summary>
    protected abstract void Train();

    /// <summary>log π(a|s), the policy entropy and V(s) for a batch, with gradients (SB3's <c>evaluate_actions</c>).</summary>
    protected (Tensor LogProbs, Tensor Entropy, Tensor Values) EvaluateActions(Tensor observations, Tensor actions)
    {
        var logProbabilities = nn.functional.log_softmax(Policy.Logits(observations), 1);
        var taken = logProbabilities.gather(1, actions.unsqueeze(1)).squeeze(1);
        var entropy = -(logProbabilities.exp() * logProbabilities).sum(1);
        return (taken, entropy, Policy.Values(observations));
    }

    /// <summary>Advantages shifted to zero mean and scaled to unit standard deviation (+1e-8), per batch.</summary>
    internal static Tensor Normalized(Tensor advantages)
    {
        using var floor = 1e-8.ToScalar();
        return (advantages - advantages.mean()) / advantages.std().add_(floor);
    }

    /// <summary>policy loss + ent_coef · entropy loss + vf_coef · value loss (SB3's weighting).</summary>
    protected Tensor TotalLoss(Tensor policyLoss, Tensor entropyLoss, Tensor valueLoss)
    {
        using var entropyWeight = Options.EntCoef.ToScalar();
        using var valueWeight = Options.VfCoef.ToScalar();
        return policyLoss + entropyLoss.mul(entropyWeight) + valueLoss.mul(valueWeight);
    }

    /// <summary>Clips the gradient norm and applies one optimizer step for <paramref name="loss"/>.</summary>
    protected void Step(Tensor loss)
    {
        Optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(Policy.parameters(), Options.MaxGradNorm);
        Optimizer.step();
    }

    /// <inheritdoc />
    protected override JsonObject AlgorithmState() => new() { ["iteration"] = Iteration, ["updates"] = Updates };

    /// <inheritdoc />
    protected override Action StageAlgorithmState(JsonObject state)
    {
        int iteration = StateValue<int>(state, "iteration"), updates = StateValue<int>(state, "updates");
        return () =>
        {
            Iteration = iteration;
            Updates = updates;
        };
    }

    private void CollectRollout()
    {
        int envs = Env.NumEnvs, actions = Env.ActionCount;
        for (int step = 0; step < Options.NSteps; step++)
        {
            Env.Observations.CopyTo(Rollout.ObservationsAt(step));
            Infer(Env.Observations, envs, Policy.Logits, _logits);
            Infer(Env.Observations, envs, Policy.Values, _values);
            int row = step * envs;
            for (int i = 0; i < envs; i++)
            {
                var logits = _logits.AsSpan(i * actions, actions);
                _actions[i] = ActionSelection.Sample(logits, Random);
                Rollout.Actions[row + i] = _actions[i];
                Rollout.LogProbs[row + i] = LogSoftmaxAt(logits, _actions[i]);
                Rollout.Values[row + i] = _values[i];
            }
            Env.Step(_actions);
            NumTimesteps += envs;
            for (int i = 0; i < envs; i++)
            {
                Rollout.Rewards[row + i] = (float)Env.Rewards[i];
                Rollout.Dones[row + i] = Env.Dones[i];
            }
            BootstrapTruncated(row);
        }
        Infer(Env.Observations, envs, Policy.Values, _values);
        Rollout.ComputeReturnsAndAdvantages(_values, (float)Options.Gamma, (float)Options.GaeLambda);
    }

    /// <summary>Adds γ·V(final observation) to the reward of every sub-env truncated (not terminated) in the last step.</summary>
    private void BootstrapTruncated(int row)
    {
        int count = 0, length = Env.ObservationLength;
        for (int i = 0; i < Env.NumEnvs; i++)
        {
            if (!Env.Truncations[i] || Env.Terminations[i]) continue;
            Env.FinalObservations.AsSpan(i * length, length).CopyTo(_truncatedObservations.AsSpan(count * length, length));
            _truncatedEnvs[count++] = i;
        }
        if (count == 0) return;
        Infer(_truncatedObservations, count, Policy.Values, _values);
        for (int k = 0; k < count; k++) Rollout.Rewards[row + _truncatedEnvs[k]] += (float)Options.Gamma * _values[k];
    }

    private static float LogSoftmaxAt(ReadOnlySpan<float> logits, int action)
    {
        float max = float.NegativeInfinity;
        foreach (float x in logits) max = Math.Max(max, x);
        double sum = 0;
        foreach (float x in logits) sum += Math.Exp(x - max);
        return (float)(logits[action] - max - Math.Log(sum));
    }
}
