using SplitGym.Core.Checking;
using SplitGym.Core.Registration;
using SplitGym.Core.Spaces;

namespace SplitGym.Core;

/// <summary>
/// A reinforcement-learning environment with Gymnasium 1.x semantics: <see cref="Reset"/> starts
/// an episode and returns (observation, info); <see cref="Step"/> applies an action and returns
/// (observation, reward, terminated, truncated, info).
/// </summary>
/// <remarks>
/// Implementations call <see cref="SeedRandom"/> with the seed passed to <see cref="Reset"/> before
/// drawing from <see cref="NpRandom"/>. The generator is re-seeded only when a seed is passed, so
/// <c>Reset(seed: 1)</c> followed by plain <c>Reset()</c> calls continues one reproducible stream.
/// An env has no state before its first <see cref="Reset"/>, so <see cref="Step"/> must then throw
/// an <see cref="InvalidOperationException"/> such as <see cref="ResetNeededException"/>
/// (<see cref="ResetCalled"/> tells; <see cref="ArrayEnv"/> does it for its subclasses).
/// The render mode is fixed at construction (Gymnasium 1.x). <see cref="Close"/> must be idempotent.
/// </remarks>
/// <typeparam name="TObs">The observation type (e.g. <c>float[]</c> for a float32 Box).</typeparam>
/// <typeparam name="TAct">The action type (e.g. <c>int</c> for Discrete).</typeparam>
public abstract class Env<TObs, TAct> : IEnv, ICheckable
{
    private readonly string? _renderMode;
    private Rng? _npRandom;
    private int? _seed;

    /// <summary>Creates the environment with a fixed render mode (null: no rendering).</summary>
    protected Env(string? renderMode = null) => _renderMode = renderMode;

    /// <summary>The set of valid actions.</summary>
    public abstract Space<TAct> ActionSpace { get; }

    /// <summary>The set of valid observations.</summary>
    public abstract Space<TObs> ObservationSpace { get; }

    /// <inheritdoc />
    public virtual EnvMetadata Metadata => EnvMetadata.None;

    /// <inheritdoc />
    public virtual string? RenderMode => _renderMode;

    /// <inheritdoc />
    public virtual EnvSpec? Spec { get; set; }

    /// <inheritdoc />
    public virtual IEnv Unwrapped => this;

    /// <summary>The environment's generator; lazily seeded from entropy if no seed was ever passed.</summary>
    public virtual Rng NpRandom => _npRandom ??= new Rng(Rng.EntropySeed());

    /// <inheritdoc />
    public virtual int? NpRandomSeed => _seed;

    /// <summary>
    /// Whether <see cref="Reset"/> has been called since construction; recorded by
    /// <see cref="SeedRandom"/>, which every Reset calls first. Always false on a wrapper (ask
    /// <see cref="Unwrapped"/>), since wrappers forward Reset without seeding themselves.
    /// </summary>
    protected internal bool ResetCalled { get; private set; }

    Space IEnv.ActionSpace => ActionSpace;

    Space IEnv.ObservationSpace => ObservationSpace;

    /// <summary>
    /// Starts a new episode. Pass <paramref name="seed"/> to re-seed <see cref="NpRandom"/> (and
    /// make the episode reproducible); pass null to continue the current random stream.
    /// </summary>
    /// <param name="seed">Seed for the environment's generator, or null to keep its state.</param>
    /// <param name="options">Environment-specific reset options (may be null or empty).</param>
    public abstract ResetResult<TObs> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null);

    /// <summary>Applies <paramref name="action"/> and advances the environment by one time step.</summary>
    public abstract StepResult<TObs> Step(TAct action);

    /// <inheritdoc />
    public virtual object? Render() => null;

    /// <summary>Releases resources. Override to free them; overrides must tolerate repeated calls.</summary>
    public virtual void Close()
    {
    }

    /// <summary>Closes the environment (same as <see cref="Close"/>).</summary>
    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    bool ICheckable.ResetCalled => ResetCalled;

    IReadOnlyList<string> ICheckable.RunEnvChecker(bool skipRenderCheck, bool skipCloseCheck) =>
        EnvChecker.Check(this, skipRenderCheck, skipCloseCheck);

    /// <inheritdoc />
    public override string ToString() => Spec is null ? $"<{GetType().Name}>" : $"<{GetType().Name}<{Spec.Id}>>";

    /// <summary>
    /// Re-seeds <see cref="NpRandom"/> when <paramref name="seed"/> has a value and does nothing
    /// otherwise; call it first thing in <see cref="Reset"/> (Gymnasium's <c>super().reset(seed=seed)</c>).
    /// It also records that the env has been reset (<see cref="ResetCalled"/>).
    /// </summary>
    protected void SeedRandom(int? seed)
    {
        ResetCalled = true;
        if (seed is not int value)
        {
            return;
        }
        if (_npRandom is null)
        {
            _npRandom = new Rng(value);
        }
        else
        {
            _npRandom.Reseed(value);
        }
        _seed = value;
    }
}
