namespace SplitGym.Core.Wrappers;

/// <summary>Applies a function to every reward, as Gymnasium's <c>TransformReward</c>. Works on both paths.</summary>
public class TransformReward<TObs, TAct> : ArrayPathWrapper<TObs, TAct>
{
    private readonly Func<double, double> _transform;

    /// <summary>Wraps <paramref name="inner"/>, replacing each reward r with <paramref name="transform"/>(r).</summary>
    public TransformReward(Env<TObs, TAct> inner, Func<double, double> transform) : base(inner)
    {
        ArgumentNullException.ThrowIfNull(transform);
        _transform = transform;
    }

    /// <inheritdoc />
    public sealed override StepResult<TObs> Step(TAct action)
    {
        var result = Inner.Step(action);
        return result with { Reward = _transform(result.Reward) };
    }

    /// <inheritdoc />
    public sealed override StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info)
    {
        var outcome = InnerArray.StepInto(action, observation, info);
        return outcome with { Reward = _transform(outcome.Reward) };
    }
}
