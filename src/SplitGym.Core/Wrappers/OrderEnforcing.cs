namespace SplitGym.Core.Wrappers;

/// <summary>
/// Raises <see cref="ResetNeededException"/> when <c>Step</c> (or, unless disabled, <c>Render</c>)
/// is called before the first <c>Reset</c>, as Gymnasium's <c>OrderEnforcing</c>. Works on both paths.
/// </summary>
public sealed class OrderEnforcing<TObs, TAct> : ArrayPathWrapper<TObs, TAct>
{
    private readonly bool _disableRenderOrderEnforcing;

    /// <summary>Wraps <paramref name="inner"/>; pass true to allow rendering before the first reset.</summary>
    public OrderEnforcing(Env<TObs, TAct> inner, bool disableRenderOrderEnforcing = false) : base(inner) =>
        _disableRenderOrderEnforcing = disableRenderOrderEnforcing;

    /// <summary>Whether <c>Reset</c> has been called at least once.</summary>
    public bool HasReset { get; private set; }

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        HasReset = true;
        return Inner.Reset(seed, options);
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        RequireReset();
        return Inner.Step(action);
    }

    /// <inheritdoc />
    public override void ResetInto(int? seed, Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options = null)
    {
        HasReset = true;
        InnerArray.ResetInto(seed, observation, info, options);
    }

    /// <inheritdoc />
    public override StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info)
    {
        RequireReset();
        return InnerArray.StepInto(action, observation, info);
    }

    /// <inheritdoc />
    public override object? Render()
    {
        if (!_disableRenderOrderEnforcing && !HasReset)
        {
            throw new ResetNeededException("Cannot call env.Render() before calling env.Reset(); if this is intended, construct OrderEnforcing with disableRenderOrderEnforcing: true.");
        }
        return Inner.Render();
    }

    private void RequireReset()
    {
        if (!HasReset)
        {
            throw new ResetNeededException("Cannot call env.Step() before calling env.Reset().");
        }
    }
}
