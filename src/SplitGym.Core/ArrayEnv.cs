using SplitGym.Core.Spaces;

namespace SplitGym.Core;

/// <summary>
/// Base class for environments with a float32 Box observation and a Discrete action. Write the
/// dynamics once in <see cref="OnReset"/> and <see cref="OnStep"/>; this class provides both the
/// allocating single-env API (<see cref="Env{TObs, TAct}"/>) and the allocation-free
/// <see cref="IArrayEnv"/> path that vector envs use. Stepping before the first reset throws
/// <see cref="ResetNeededException"/> on both paths, so subclasses never see a step without state.
/// </summary>
public abstract class ArrayEnv : Env<float[], int>, IArrayEnv
{
    private readonly Box<float> _observationSpace;
    private readonly Discrete _actionSpace;
    private readonly string[] _infoKeys;
    private readonly InfoBuffer _scratchInfo;

    /// <summary>Creates the env with its spaces, the names of the scalar info values it writes, and its render mode.</summary>
    protected ArrayEnv(Box<float> observationSpace, Discrete actionSpace, IReadOnlyList<string>? infoKeys = null, string? renderMode = null)
        : base(renderMode)
    {
        _observationSpace = observationSpace;
        _actionSpace = actionSpace;
        _infoKeys = infoKeys is null ? [] : [.. infoKeys];
        _scratchInfo = new InfoBuffer(_infoKeys);
    }

    /// <inheritdoc />
    public sealed override Space<float[]> ObservationSpace => _observationSpace;

    /// <inheritdoc />
    public sealed override Space<int> ActionSpace => _actionSpace;

    /// <inheritdoc />
    public bool ArrayPathAvailable => true;

    /// <inheritdoc />
    public Box<float> ArrayObservationSpace => _observationSpace;

    /// <inheritdoc />
    public Discrete ArrayActionSpace => _actionSpace;

    /// <inheritdoc />
    public IReadOnlyList<string> InfoKeys => _infoKeys;

    /// <inheritdoc />
    public sealed override ResetResult<float[]> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        var observation = new float[_observationSpace.Size];
        ResetInto(seed, observation, _scratchInfo, options);
        return new ResetResult<float[]>(observation, _scratchInfo.ToInfo());
    }

    /// <inheritdoc />
    public sealed override StepResult<float[]> Step(int action)
    {
        var observation = new float[_observationSpace.Size];
        var outcome = StepInto(action, observation, _scratchInfo);
        return new StepResult<float[]>(observation, outcome.Reward, outcome.Terminated, outcome.Truncated, _scratchInfo.ToInfo());
    }

    /// <inheritdoc />
    public void ResetInto(int? seed, Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options = null)
    {
        CheckObservationLength(observation);
        SeedRandom(seed);
        info.Clear();
        OnReset(observation, info, options);
    }

    /// <inheritdoc />
    public StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info)
    {
        if (!ResetCalled)
        {
            throw new ResetNeededException($"Cannot call Step() on {this} before Reset(): the env has no state until its first Reset.");
        }
        if (!_actionSpace.Contains(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, $"Action {action} is not in the action space {_actionSpace}.");
        }
        CheckObservationLength(observation);
        info.Clear();
        return OnStep(action, observation, info);
    }

    /// <summary>
    /// Starts an episode: set the initial state (drawing randomness only from <see cref="Env{TObs, TAct}.NpRandom"/>,
    /// already seeded) and write the observation. Info values are written by index (this env's
    /// <see cref="InfoKeys"/> order).
    /// </summary>
    protected abstract void OnReset(Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options);

    /// <summary>Advances the dynamics for a valid <paramref name="action"/> and writes the next observation and info.</summary>
    protected abstract StepOutcome OnStep(int action, Span<float> observation, InfoBuffer info);

    private void CheckObservationLength(Span<float> observation)
    {
        if (observation.Length != _observationSpace.Size)
        {
            throw new ArgumentException($"Expected an observation buffer of length {_observationSpace.Size}, got {observation.Length}.", nameof(observation));
        }
    }
}
