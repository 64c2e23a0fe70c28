namespace SplitGym.Core.Wrappers;

/// <summary>
/// A wrapper that keeps the observation and action types: by default every call passes straight
/// through to <see cref="WrapperBase{TObs, TAct, TInnerObs, TInnerAct}.Inner"/>; override what you change.
/// </summary>
public abstract class Wrapper<TObs, TAct> : WrapperBase<TObs, TAct, TObs, TAct>
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected Wrapper(Env<TObs, TAct> inner) : base(inner)
    {
    }

    /// <inheritdoc />
    public override Spaces.Space<TAct> ActionSpace => Inner.ActionSpace;

    /// <inheritdoc />
    public override Spaces.Space<TObs> ObservationSpace => Inner.ObservationSpace;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null) =>
        Inner.Reset(seed, options);

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action) => Inner.Step(action);
}
