namespace SplitGym.Core.Wrappers;

/// <summary>
/// Scales rewards so that the discounted return has roughly unit variance, as Gymnasium's
/// <c>NormalizeReward</c>: a discounted return G ← γ·G·(1 − terminated) + r is tracked, its running
/// variance estimated, and each reward divided by sqrt(var + ε) (not centred, following Gymnasium).
/// Set <see cref="UpdateRunningMean"/> to false to freeze the statistics. Works on both paths.
/// </summary>
public sealed class NormalizeReward<TObs, TAct> : ArrayPathWrapper<TObs, TAct>
{
    private readonly double _gamma;
    private readonly double _epsilon;
    private double _discountedReturn;

    /// <summary>Wraps <paramref name="inner"/> with discount <paramref name="gamma"/> ∈ [0, 1] and stability term <paramref name="epsilon"/> &gt; 0.</summary>
    public NormalizeReward(Env<TObs, TAct> inner, double gamma = 0.99, double epsilon = 1e-8) : base(inner)
    {
        if (!(gamma is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must lie in [0, 1].");
        }
        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be strictly positive.");
        }
        _gamma = gamma;
        _epsilon = epsilon;
    }

    /// <summary>The running statistics of the discounted return.</summary>
    public RunningMeanStd Statistics { get; } = new();

    /// <summary>Whether new rewards update <see cref="Statistics"/> (false freezes them).</summary>
    public bool UpdateRunningMean { get; set; } = true;

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        var result = Inner.Step(action);
        return result with { Reward = Normalize(result.Reward, result.Terminated) };
    }

    /// <inheritdoc />
    public override StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info)
    {
        var outcome = InnerArray.StepInto(action, observation, info);
        return outcome with { Reward = Normalize(outcome.Reward, outcome.Terminated) };
    }

    private double Normalize(double reward, bool terminated)
    {
        _discountedReturn = _discountedReturn * _gamma * (terminated ? 0.0 : 1.0) + reward;
        if (UpdateRunningMean)
        {
            Statistics.Update(_discountedReturn);
        }
        return reward / Math.Sqrt(Statistics.Var[0] + _epsilon);
    }
}
