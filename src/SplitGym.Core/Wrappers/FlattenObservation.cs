using SplitGym.Core.Spaces;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// Flattens every observation into a float32 vector (see <see cref="SpaceFlattening"/>), as
/// Gymnasium's <c>FlattenObservation</c>, so that Dict/Tuple/Discrete observations can feed an MLP.
/// </summary>
public sealed class FlattenObservation<TInnerObs, TAct> : ObservationWrapper<float[], TInnerObs, TAct>
{
    private readonly Box<float> _space;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public FlattenObservation(Env<TInnerObs, TAct> inner) : base(inner) =>
        _space = SpaceFlattening.FlattenSpace(inner.ObservationSpace);

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace => _space;

    /// <inheritdoc />
    protected override float[] Observation(TInnerObs observation) =>
        SpaceFlattening.Flatten(Inner.ObservationSpace, observation ?? throw new ArgumentNullException(nameof(observation), "The wrapped env returned a null observation."));
}
