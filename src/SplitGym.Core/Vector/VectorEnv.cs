using SplitGym.Core.Spaces;

namespace SplitGym.Core.Vector;

/// <summary>
/// Runs several copies of an array-path env (<see cref="IArrayEnv"/>) as one batched env, with
/// Gymnasium 1.x vector semantics: sub-env i is seeded with seed + i, episodes end per sub-env and
/// are reset according to <see cref="Autoreset"/>. All batches are contiguous arrays allocated
/// once; <see cref="Step"/> allocates nothing.
/// </summary>
public abstract class VectorEnv : IDisposable
{
    private readonly IArrayEnv[] _envs;
    private readonly InfoBuffer[] _infos;
    private readonly bool[] _autoresetPending;
    private readonly int[] _actions;
    private readonly bool[] _resetMask;
    private int? _resetSeed;
    private IReadOnlyDictionary<string, object?>? _resetOptions;
    private bool _closed;

    /// <summary>Takes ownership of <paramref name="envs"/>, which must share spaces and info keys.</summary>
    protected VectorEnv(IReadOnlyList<IArrayEnv> envs, AutoresetMode autoreset)
    {
        if (envs.Count == 0)
        {
            throw new ArgumentException("A vector env needs at least one sub-environment.", nameof(envs));
        }
        _envs = [.. envs];
        ValidateSubEnvs(_envs);
        Autoreset = autoreset;
        SingleObservationSpace = _envs[0].ArrayObservationSpace;
        SingleActionSpace = _envs[0].ArrayActionSpace;
        ObservationLength = SingleObservationSpace.Size;
        var keys = _envs[0].InfoKeys;
        _infos = [.. _envs.Select(_ => new InfoBuffer(keys))];
        _autoresetPending = new bool[NumEnvs];
        _actions = new int[NumEnvs];
        _resetMask = new bool[NumEnvs];
        Observations = new float[NumEnvs * ObservationLength];
        FinalObservations = new float[NumEnvs * ObservationLength];
        HasFinalObservation = new bool[NumEnvs];
        Rewards = new double[NumEnvs];
        Terminations = new bool[NumEnvs];
        Truncations = new bool[NumEnvs];
        Infos = new VectorInfo(keys, NumEnvs);
        FinalInfos = new VectorInfo(keys, NumEnvs);
    }

    /// <summary>The number of sub-environments.</summary>
    public int NumEnvs => _envs.Length;

    /// <summary>The sub-environments, in batch order.</summary>
    public IReadOnlyList<IArrayEnv> Envs => _envs;

    /// <summary>What happens when a sub-env's episode ends.</summary>
    public AutoresetMode Autoreset { get; }

    /// <summary>The observation space of one sub-env.</summary>
    public Box<float> SingleObservationSpace { get; }

    /// <summary>The action space of one sub-env.</summary>
    public Discrete SingleActionSpace { get; }

    /// <summary>The number of floats in one sub-env's observation.</summary>
    public int ObservationLength { get; }

    /// <summary>The current observations, row-major: sub-env i occupies [i·len, (i+1)·len).</summary>
    public float[] Observations { get; }

    /// <summary>The rewards of the last step.</summary>
    public double[] Rewards { get; }

    /// <summary>The terminated flags of the last step.</summary>
    public bool[] Terminations { get; }

    /// <summary>The truncated flags of the last step.</summary>
    public bool[] Truncations { get; }

    /// <summary>The info of the last reset or step.</summary>
    public VectorInfo Infos { get; }

    /// <summary>In <see cref="AutoresetMode.SameStep"/>: the final observation of each sub-env whose episode ended in the last step (all rows are cleared by <see cref="Reset"/>).</summary>
    public float[] FinalObservations { get; }

    /// <summary>In <see cref="AutoresetMode.SameStep"/>: which rows of <see cref="FinalObservations"/>/<see cref="FinalInfos"/> are set.</summary>
    public bool[] HasFinalObservation { get; }

    /// <summary>In <see cref="AutoresetMode.SameStep"/>: the info of the final step of each ended episode.</summary>
    public VectorInfo FinalInfos { get; }

    /// <summary>
    /// Resets the sub-envs (all, or those where <paramref name="mask"/> is true); with a seed,
    /// sub-env i gets seed + i. Rows that are not reset keep their observation and get no info.
    /// </summary>
    public VectorResetResult Reset(int? seed = null, ReadOnlySpan<bool> mask = default, IReadOnlyDictionary<string, object?>? options = null)
    {
        ThrowIfClosed();
        if (!mask.IsEmpty && mask.Length != NumEnvs)
        {
            throw new ArgumentException($"Expected a reset mask of length {NumEnvs}, got {mask.Length}.", nameof(mask));
        }
        if (mask.IsEmpty)
        {
            Array.Fill(_resetMask, true);
        }
        else
        {
            mask.CopyTo(_resetMask);
        }
        _resetSeed = seed;
        _resetOptions = options;
        Run(VectorCommand.Reset);
        return new VectorResetResult(Observations, Infos);
    }

    /// <summary>Steps every sub-env with its action (one per sub-env) and returns the reused batch buffers.</summary>
    /// <exception cref="ResetNeededException">
    /// In <see cref="AutoresetMode.Disabled"/>, a sub-env ended its episode and has not been reset
    /// since; nothing is stepped then.
    /// </exception>
    public VectorStepResult Step(ReadOnlySpan<int> actions)
    {
        ThrowIfClosed();
        if (actions.Length != NumEnvs)
        {
            throw new ArgumentException($"Expected {NumEnvs} actions (one per sub-env), got {actions.Length}.", nameof(actions));
        }
        if (Autoreset == AutoresetMode.Disabled)
        {
            ThrowIfAnyEnded();
        }
        actions.CopyTo(_actions);
        Run(VectorCommand.Step);
        return new VectorStepResult(Observations, Rewards, Terminations, Truncations, Infos);
    }

    /// <summary>Closes every sub-env; safe to call more than once.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        OnClose();
        foreach (var env in _envs)
        {
            env.Close();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <paramref name="command"/> on every sub-env (via <see cref="Execute"/>), sequentially or in parallel.</summary>
    protected abstract void Run(VectorCommand command);

    /// <summary>Releases the runner's resources (threads) before the sub-envs are closed.</summary>
    protected virtual void OnClose()
    {
    }

    /// <summary>Runs <paramref name="command"/> on sub-envs [<paramref name="from"/>, <paramref name="to"/>); each index touches only its own rows.</summary>
    protected void Execute(VectorCommand command, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (command == VectorCommand.Reset)
            {
                ResetOne(i);
            }
            else
            {
                StepOne(i);
            }
        }
    }

    private void ResetOne(int i)
    {
        ClearFinal(i);
        if (!_resetMask[i])
        {
            Infos.ClearRow(i);
            return;
        }
        _envs[i].ResetInto(_resetSeed + i, ObservationRow(Observations, i), _infos[i], _resetOptions);
        _autoresetPending[i] = false;
        Infos.SetRow(i, _infos[i]);
    }

    private void StepOne(int i)
    {
        var observation = ObservationRow(Observations, i);
        if (Autoreset == AutoresetMode.NextStep && _autoresetPending[i])
        {
            _envs[i].ResetInto(null, observation, _infos[i]);
            Record(i, new StepOutcome(0.0, false, false));
        }
        else
        {
            Record(i, _envs[i].StepInto(_actions[i], observation, _infos[i]));
        }
        if (Autoreset == AutoresetMode.SameStep)
        {
            ResetFinishedNow(i, observation);
        }
        Infos.SetRow(i, _infos[i]);
    }

    private void Record(int i, StepOutcome outcome)
    {
        Rewards[i] = outcome.Reward;
        Terminations[i] = outcome.Terminated;
        Truncations[i] = outcome.Truncated;
        _autoresetPending[i] = outcome.Terminated || outcome.Truncated;
    }

    private void ResetFinishedNow(int i, Span<float> observation)
    {
        HasFinalObservation[i] = _autoresetPending[i];
        if (!_autoresetPending[i])
        {
            FinalInfos.ClearRow(i);
            return;
        }
        observation.CopyTo(ObservationRow(FinalObservations, i));
        FinalInfos.SetRow(i, _infos[i]);
        _envs[i].ResetInto(null, observation, _infos[i]);
        _autoresetPending[i] = false;
    }

    /// <summary>
    /// An ended sub-env has no state to step from, so stepping it would silently continue a finished
    /// episode (Gymnasium 1.1+ asserts the same). Checked before any sub-env moves, so a refused step
    /// leaves every sub-env as it was.
    /// </summary>
    private void ThrowIfAnyEnded()
    {
        if (Array.IndexOf(_autoresetPending, true) < 0)
        {
            return;
        }
        var ended = string.Join(", ", Enumerable.Range(0, NumEnvs).Where(i => _autoresetPending[i]));
        throw new ResetNeededException($"Sub-env(s) [{ended}] ended their episode and autoreset is disabled (AutoresetMode.Disabled); reset them with Reset(mask: m), m[i] = true for each of them (Gymnasium's reset(options={{\"reset_mask\": m}})), before calling Step again.");
    }

    /// <summary>
    /// The final observation and info describe episodes that ended in the last step; after a reset
    /// the last call was no step, so every row forgets them (as Gymnasium's reset info has no final
    /// observation), whether or not the mask reset it.
    /// </summary>
    private void ClearFinal(int i)
    {
        HasFinalObservation[i] = false;
        ObservationRow(FinalObservations, i).Clear();
        FinalInfos.ClearRow(i);
    }

    private Span<float> ObservationRow(float[] batch, int i) => batch.AsSpan(i * ObservationLength, ObservationLength);

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);

    private static void ValidateSubEnvs(IArrayEnv[] envs)
    {
        var first = envs[0];
        foreach (var env in envs)
        {
            if (!env.ArrayPathAvailable)
            {
                throw new ArgumentException($"Sub-env {env} has no array path (it needs a float32 Box observation and a Discrete action).", nameof(envs));
            }
            if (!env.ArrayObservationSpace.Equals(first.ArrayObservationSpace) || !env.ArrayActionSpace.Equals(first.ArrayActionSpace)
                || !env.InfoKeys.SequenceEqual(first.InfoKeys))
            {
                throw new ArgumentException($"All sub-envs must share spaces and info keys; {env} has {env.ArrayObservationSpace}/{env.ArrayActionSpace} but the first has {first.ArrayObservationSpace}/{first.ArrayActionSpace}.", nameof(envs));
            }
        }
    }
}
