using SplitGym.Core.Registration;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// Base of every wrapper, including those that change the observation or action type: forwards
/// metadata, render mode, spec, generator, rendering and closing to the wrapped env, so that a
/// wrapper stack behaves like its innermost env apart from what a wrapper deliberately changes.
/// </summary>
/// <typeparam name="TObs">Observation type seen from outside.</typeparam>
/// <typeparam name="TAct">Action type seen from outside.</typeparam>
/// <typeparam name="TInnerObs">Observation type of the wrapped env.</typeparam>
/// <typeparam name="TInnerAct">Action type of the wrapped env.</typeparam>
public abstract class WrapperBase<TObs, TAct, TInnerObs, TInnerAct> : Env<TObs, TAct>
{
    private EnvSpec? _spec;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected WrapperBase(Env<TInnerObs, TInnerAct> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>The wrapped environment (Gymnasium's <c>env</c>).</summary>
    public Env<TInnerObs, TInnerAct> Inner { get; }

    /// <inheritdoc />
    public override EnvMetadata Metadata => Inner.Metadata;

    /// <inheritdoc />
    public override string? RenderMode => Inner.RenderMode;

    /// <summary>The wrapped env's spec unless one was set on this wrapper.</summary>
    public override EnvSpec? Spec
    {
        get => _spec ?? Inner.Spec;
        set => _spec = value;
    }

    /// <inheritdoc />
    public override IEnv Unwrapped => Inner.Unwrapped;

    /// <inheritdoc />
    public override Rng NpRandom => Inner.NpRandom;

    /// <inheritdoc />
    public override int? NpRandomSeed => Inner.NpRandomSeed;

    /// <inheritdoc />
    public override object? Render() => Inner.Render();

    /// <inheritdoc />
    public override void Close() => Inner.Close();

    /// <inheritdoc />
    public override string ToString() => $"<{WrapperName}{Inner}>";

    private string WrapperName => GetType().Name.Split('`')[0];
}
