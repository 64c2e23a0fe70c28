using SplitGym.Core.Spaces;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// Applies a function to every observation, as Gymnasium's <c>TransformObservation</c>; the caller
/// states the resulting observation space (it cannot be inferred from a function).
/// </summary>
public sealed class TransformObservation<TObs, TInnerObs, TAct> : ObservationWrapper<TObs, TInnerObs, TAct>
{
    private readonly Func<TInnerObs, TObs> _transform;
    private readonly Space<TObs> _observationSpace;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="observationSpace"/> must contain every transformed observation.</summary>
    public TransformObservation(Env<TInnerObs, TAct> inner, Func<TInnerObs, TObs> transform, Space<TObs> observationSpace) : base(inner)
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentNullException.ThrowIfNull(observationSpace);
        _transform = transform;
        _observationSpace = observationSpace;
    }

    /// <inheritdoc />
    public override Space<TObs> ObservationSpace => _observationSpace;

    /// <inheritdoc />
    protected override TObs Observation(TInnerObs observation) => _transform(observation);
}
