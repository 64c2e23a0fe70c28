using SplitGym.Core.Spaces;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// A type-preserving wrapper that also offers the allocation-free <see cref="IArrayEnv"/> path
/// whenever the env it wraps does (see <see cref="ArrayPathAvailable"/>). The wrappers that sit
/// on the vector hot path (<see cref="TimeLimit{TObs, TAct}"/>, <see cref="OrderEnforcing{TObs, TAct}"/>,
/// <see cref="PassiveEnvChecker{TObs, TAct}"/>, <see cref="RecordEpisodeStatistics{TObs, TAct}"/>) derive from it and
/// apply the same logic on both paths.
/// </summary>
public abstract class ArrayPathWrapper<TObs, TAct> : Wrapper<TObs, TAct>, IArrayEnv
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected ArrayPathWrapper(Env<TObs, TAct> inner) : base(inner)
    {
    }

    /// <inheritdoc />
    public bool ArrayPathAvailable => Inner is IArrayEnv { ArrayPathAvailable: true };

    /// <inheritdoc />
    public virtual Box<float> ArrayObservationSpace => InnerArray.ArrayObservationSpace;

    /// <inheritdoc />
    public Discrete ArrayActionSpace => InnerArray.ArrayActionSpace;

    /// <summary>The inner env's keys followed by <see cref="OwnInfoKeys"/>.</summary>
    public IReadOnlyList<string> InfoKeys => [.. InnerArray.InfoKeys, .. OwnInfoKeys];

    /// <summary>The wrapped env's array path; throws a clear error when it has none.</summary>
    protected IArrayEnv InnerArray => Inner is IArrayEnv { ArrayPathAvailable: true } array
        ? array
        : throw new NotSupportedException($"{this} has no array path: the wrapped env {Inner} does not implement IArrayEnv (it needs a float32 Box observation and a Discrete action).");

    /// <summary>Info keys this wrapper adds on the array path (appended after the inner env's).</summary>
    protected virtual IReadOnlyList<string> OwnInfoKeys => [];

    /// <inheritdoc />
    public virtual void ResetInto(int? seed, Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options = null) =>
        InnerArray.ResetInto(seed, observation, info, options);

    /// <inheritdoc />
    public virtual StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info) =>
        InnerArray.StepInto(action, observation, info);
}
