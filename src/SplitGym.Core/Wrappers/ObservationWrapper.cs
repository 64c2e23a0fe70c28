using SplitGym.Core.Spaces;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// A wrapper that maps every observation (from <c>Reset</c> and <c>Step</c>) through
/// <see cref="Observation"/>, possibly to another type, as Gymnasium's <c>ObservationWrapper</c>.
/// </summary>
/// <typeparam name="TObs">The new observation type.</typeparam>
/// <typeparam name="TInnerObs">The wrapped env's observation type.</typeparam>
/// <typeparam name="TAct">The action type (unchanged).</typeparam>
public abstract class ObservationWrapper<TObs, TInnerObs, TAct> : WrapperBase<TObs, TAct, TInnerObs, TAct>
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected ObservationWrapper(Env<TInnerObs, TAct> inner) : base(inner)
    {
    }

    /// <inheritdoc />
    public override Space<TAct> ActionSpace => Inner.ActionSpace;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        var (observation, info) = Inner.Reset(seed, options);
        return new ResetResult<TObs>(Observation(observation), info);
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        var (observation, reward, terminated, truncated, info) = Inner.Step(action);
        return new StepResult<TObs>(Observation(observation), reward, terminated, truncated, info);
    }

    /// <summary>Maps one observation of the wrapped env.</summary>
    protected abstract TObs Observation(TInnerObs observation);
}
