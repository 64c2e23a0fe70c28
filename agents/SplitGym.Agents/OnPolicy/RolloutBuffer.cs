using static TorchSharp.torch;

namespace SplitGym.Agents.OnPolicy;

/// <summary>
/// One rollout of NSteps × numEnvs transitions (SB3's <c>RolloutBuffer</c>) in flat float32 arrays
/// indexed [step · numEnvs + env], with GAE advantages and λ-returns computed in place.
/// </summary>
public sealed class RolloutBuffer
{
    private readonly int _steps, _envs, _observationLength;

    /// <summary>Allocates a buffer for <paramref name="steps"/> steps of <paramref name="envs"/> sub-envs.</summary>
    public RolloutBuffer(int steps, int envs, int observationLength)
    {
        _steps = steps;
        _envs = envs;
        _observationLength = observationLength;
        int size = steps * envs;
        Observations = new float[size * observationLength];
        Actions = new long[size];
        Rewards = new float[size];
        Dones = new bool[size];
        Values = new float[size];
        LogProbs = new float[size];
        Advantages = new float[size];
        Returns = new float[size];
    }

    /// <summary>Transitions in the buffer.</summary>
    public int Size => _steps * _envs;

    /// <summary>Observations the actions were taken in.</summary>
    public float[] Observations { get; }

    /// <summary>Actions taken.</summary>
    public long[] Actions { get; }

    /// <summary>Rewards, with γ·V(final observation) added on truncated steps.</summary>
    public float[] Rewards { get; }

    /// <summary>Whether the episode ended (terminated or truncated) at the step.</summary>
    public bool[] Dones { get; }

    /// <summary>V(observation) at collection time.</summary>
    public float[] Values { get; }

    /// <summary>log π(action | observation) at collection time.</summary>
    public float[] LogProbs { get; }

    /// <summary>GAE advantages (after <see cref="ComputeReturnsAndAdvantages"/>).</summary>
    public float[] Advantages { get; }

    /// <summary>Value targets: advantages + values.</summary>
    public float[] Returns { get; }

    /// <summary>The observation rows of step <paramref name="step"/> (all sub-envs).</summary>
    public Span<float> ObservationsAt(int step) => Observations.AsSpan(step * _envs * _observationLength, _envs * _observationLength);

    /// <summary>
    /// GAE(λ): δ_t = r_t + γ·V(s_{t+1})·(1 − done_t) − V(s_t), A_t = δ_t + γλ·(1 − done_t)·A_{t+1},
    /// bootstrapping the last step from <paramref name="lastValues"/> (the values of the observations after the rollout).
    /// </summary>
    public void ComputeReturnsAndAdvantages(ReadOnlySpan<float> lastValues, float gamma, float lambda)
    {
        for (int env = 0; env < _envs; env++)
        {
            float nextAdvantage = 0, nextValue = lastValues[env];
            for (int step = _steps - 1; step >= 0; step--)
            {
                int i = step * _envs + env;
                float nonTerminal = Dones[i] ? 0f : 1f;
                float delta = Rewards[i] + gamma * nextValue * nonTerminal - Values[i];
                nextAdvantage = delta + gamma * lambda * nonTerminal * nextAdvantage;
                Advantages[i] = nextAdvantage;
                Returns[i] = nextAdvantage + Values[i];
                nextValue = Values[i];
            }
        }
    }

    /// <summary>1 − Var(returns − values) / Var(returns) (SB3's <c>explained_variance</c>; NaN when the returns are constant).</summary>
    public double ExplainedVariance()
    {
        double variance = Variance(Returns, null);
        return variance == 0 ? double.NaN : 1 - Variance(Returns, Values) / variance;
    }

    /// <summary>The whole buffer as tensors for an update (dispose them with the caller's scope).</summary>
    public RolloutTensors ToTensors() => new(
        tensor(Observations, [Size, _observationLength]),
        tensor(Actions, [Size]),
        tensor(LogProbs, [Size]),
        tensor(Advantages, [Size]),
        tensor(Returns, [Size]),
        tensor(Values, [Size]));

    private static double Variance(float[] x, float[]? minus)
    {
        double mean = 0;
        for (int i = 0; i < x.Length; i++) mean += x[i] - (minus?[i] ?? 0);
        mean /= x.Length;
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - (minus?[i] ?? 0) - mean;
            sum += d * d;
        }
        return sum / x.Length;
    }
}
