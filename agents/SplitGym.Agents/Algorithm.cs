using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SplitGym.Agents.Checkpoints;
using SplitGym.Agents.Logging;
using SplitGym.Agents.Training;
using SplitGym.Core;
using SplitGym.Core.Vector;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents;

/// <summary>
/// What every learning agent shares: the training env, the seeded generators, the <c>Learn</c> loop
/// over resumable iterations with callbacks and logging, and checkpoints. Subclasses (the on- and
/// off-policy bases) implement one iteration.
/// </summary>
/// <remarks>
/// Randomness: the networks are initialised from <see cref="Random"/> (seeded with the training seed),
/// which then drives action sampling, minibatch shuffles and exploration; stochastic
/// <see cref="Predict"/> calls draw from a second generator so that evaluating during training does
/// not change what is learned. Torch's own generator is never used. Both generators, the optimizer and
/// the env's replay log are in every checkpoint, so a resumed run continues bit for bit.
/// </remarks>
public abstract class Algorithm : IAgent
{
    private readonly Stopwatch _clock = new();
    private long _clockStartSteps;
    private bool _disposed;

    /// <summary>Drives <paramref name="env"/> (owned: disposed with the agent).</summary>
    protected Algorithm(string name, VectorEnv env, TrainingOptions training)
    {
        ArgumentNullException.ThrowIfNull(training);
        Name = name;
        Training = training;
        Env = new TrainingEnv(env);
        Random = new Rng(training.Seed);
        PredictRandom = new Rng(~(long)training.Seed);
        if (training.Console is not null) Logger.AddOutput(new ConsoleOutput(training.Console));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The run settings.</summary>
    public TrainingOptions Training { get; }

    /// <inheritdoc />
    public long NumTimesteps { get; protected set; }

    /// <summary>The metrics logger (its <see cref="Logger.History"/> holds the learning curve).</summary>
    public Logger Logger { get; } = new();

    /// <summary>The env being learned from.</summary>
    protected TrainingEnv Env { get; }

    /// <summary>The training generator (init, actions, shuffles, exploration).</summary>
    protected Rng Random { get; }

    /// <summary>The generator of stochastic <see cref="Predict"/> calls.</summary>
    protected Rng PredictRandom { get; }

    /// <summary>Target of the running <see cref="Learn"/> call.</summary>
    protected long TotalTimesteps { get; private set; }

    /// <summary>SB3's progress_remaining, 1 → 0 over the run; schedules (learning rate, ε) are functions of it.</summary>
    protected double ProgressRemaining => Math.Max(0, 1 - (double)NumTimesteps / TotalTimesteps);

    /// <summary>Dump logs every this many iterations (on-policy) or episodes (off-policy).</summary>
    protected int LogInterval => Training.LogInterval ?? DefaultLogInterval;

    /// <summary>SB3's default log interval of this algorithm.</summary>
    protected abstract int DefaultLogInterval { get; }

    /// <summary>The networks saved in checkpoints, with the key prefix of their tensors.</summary>
    protected internal abstract IReadOnlyList<(string Prefix, nn.Module Module)> Networks { get; }

    /// <summary>The optimizer saved in checkpoints.</summary>
    protected internal abstract OptimizerHelper Optimizer { get; }

    /// <summary>The hyperparameters, as serialised into checkpoints and compared on load.</summary>
    protected abstract object Hyperparameters { get; }

    internal JsonNode HyperparametersJson => JsonSerializer.SerializeToNode(Hyperparameters, Hyperparameters.GetType())!;

    internal JsonNode ObservationSpaceJson => Env.Vector.SingleObservationSpace.ToJsonNode();

    internal JsonNode ActionSpaceJson => Env.Vector.SingleActionSpace.ToJsonNode();

    /// <inheritdoc />
    public abstract int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default);

    /// <inheritdoc />
    public void Learn(long totalTimesteps, IReadOnlyList<Callback>? callbacks = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (totalTimesteps <= 0) throw new ArgumentOutOfRangeException(nameof(totalTimesteps), totalTimesteps, "The number of timesteps must be positive.");
        TotalTimesteps = totalTimesteps;
        callbacks ??= [];
        if (Training.RunsFolder is not null && Logger.RunFolder is null)
            Logger.OpenRunFolder(RunFolder.PathFor(Training.RunsFolder, Training.EnvName, Name, Training.Seed, DateTimeOffset.UtcNow), Training.TensorBoard);
        if (!Env.Started) Env.Start(Training.Seed);
        var context = new TrainingContext(this, totalTimesteps, Logger, Env.Episodes);
        foreach (var callback in callbacks) callback.OnTrainingStart(context);
        _clockStartSteps = NumTimesteps;
        _clock.Restart();
        bool proceed = true;
        while (proceed && NumTimesteps < totalTimesteps)
        {
            RunIteration();
            foreach (var callback in callbacks) proceed &= callback.OnBoundary(context);
        }
        foreach (var callback in callbacks) callback.OnTrainingEnd(context);
    }

    /// <summary>Runs one resumable unit of training (a rollout and its update, or one vector step).</summary>
    protected abstract void RunIteration();

    /// <summary>Records SB3's rollout/ and time/ metrics and writes all pending metrics.</summary>
    protected void DumpLogs()
    {
        if (Env.Episodes.Count > 0)
        {
            Logger.Record("rollout/ep_rew_mean", Env.Episodes.MeanReturn);
            Logger.Record("rollout/ep_len_mean", Env.Episodes.MeanLength);
        }
        Logger.Record("time/fps", (NumTimesteps - _clockStartSteps) / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9));
        Logger.Record("time/time_elapsed", Math.Floor(_clock.Elapsed.TotalSeconds));
        Logger.Record("time/total_timesteps", NumTimesteps);
        Logger.Dump(NumTimesteps);
    }

    /// <summary>Sets the optimizer's learning rate (for schedules).</summary>
    protected void SetLearningRate(double learningRate)
    {
        foreach (var group in Optimizer.ParamGroups) group.LearningRate = learningRate;
    }

    /// <summary>Runs the first <paramref name="rows"/> rows of <paramref name="observations"/> through <paramref name="network"/> without gradients and copies the float32 outputs into <paramref name="output"/>.</summary>
    protected void Infer(ReadOnlySpan<float> observations, int rows, Func<Tensor, Tensor> network, Span<float> output)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = tensor(observations[..(rows * Env.ObservationLength)].ToArray(), [rows, Env.ObservationLength]);
        network(batch).contiguous().data<float>().CopyTo(output);
    }

    /// <inheritdoc />
    public void Save(string path) => AgentCheckpoint.Save(path, this);

    /// <inheritdoc />
    public void Load(string path) => AgentCheckpoint.Load(path, this);

    /// <summary>Algorithm counters for the checkpoint.</summary>
    protected virtual JsonObject AlgorithmState() => [];

    /// <summary>
    /// Reads and checks the counters of <see cref="AlgorithmState"/> without changing the agent, and returns
    /// the action that restores them (which cannot fail), so that a checkpoint loads all or nothing.
    /// </summary>
    /// <exception cref="InvalidDataException">A counter is missing or malformed.</exception>
    protected virtual Action StageAlgorithmState(JsonObject state) => () => { };

    /// <summary>Writes algorithm-specific files (e.g. the replay buffer) into the checkpoint folder.</summary>
    protected internal virtual void SaveExtraFiles(string folder)
    {
    }

    /// <summary>
    /// Reads and checks the files of <see cref="SaveExtraFiles"/> without changing the agent, and returns the
    /// action that puts their content in place (which cannot fail).
    /// </summary>
    /// <exception cref="InvalidDataException">A file is missing or does not fit this agent.</exception>
    protected internal virtual Action StageExtraFiles(string folder) => () => { };

    /// <summary>The value of <paramref name="key"/> in a checkpoint's algorithm state.</summary>
    /// <exception cref="InvalidDataException">The value is missing or not a <typeparamref name="T"/>.</exception>
    protected static T StateValue<T>(JsonObject state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            return state[key] is JsonNode node ? node.GetValue<T>() : throw new InvalidDataException($"The checkpoint's algorithm state lacks '{key}'; it has {state.ToJsonString()}.");
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The checkpoint's algorithm state has {key} = {state[key]!.ToJsonString()}; expected a {typeof(T).Name}.", error);
        }
    }

    internal AgentState CaptureState() =>
        new(NumTimesteps, TotalTimesteps, Words(Random.State), Words(PredictRandom.State), Env.Snapshot(), AlgorithmState(), Logger.Pending());

    /// <summary>
    /// Checks <paramref name="state"/> without changing the agent and returns the action that restores its
    /// counters, generators and pending logs (which cannot fail). The env is restored by <see cref="ReplayEnv"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">Part of the state is missing or malformed.</exception>
    internal Action StageState(AgentState state)
    {
        if (state?.Env is null || state.Algorithm is null || state.PendingLogs is null)
            throw new InvalidDataException("The checkpoint's training state is incomplete: it needs the env replay log, the algorithm counters and the pending logs.");
        var rng = FromWords(state.Rng, "training");
        var predictRng = FromWords(state.PredictRng, "prediction");
        var restoreAlgorithm = StageAlgorithmState(state.Algorithm);
        return () =>
        {
            NumTimesteps = state.NumTimesteps;
            TotalTimesteps = state.TotalTimesteps;
            Random.Restore(rng);
            PredictRandom.Restore(predictRng);
            restoreAlgorithm();
            Logger.RestorePending(state.PendingLogs);
        };
    }

    /// <summary>
    /// Rebuilds the training env from a checkpoint's replay log; when the replay fails, the env is put back
    /// as it was (replaying its own log) before the error propagates.
    /// </summary>
    internal void ReplayEnv(TrainingEnvState state)
    {
        var previous = Env.Started ? Env.Snapshot() : null;
        try
        {
            Env.Restore(state);
        }
        catch
        {
            if (previous is not null) Env.Restore(previous);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Logger.Dispose();
        Env.Vector.Dispose();
        foreach (var (_, module) in Networks) module.Dispose();
        Optimizer.Dispose();
        GC.SuppressFinalize(this);
    }

    private static ulong[] Words(RngState s) => [s.S0, s.S1, s.S2, s.S3];

    private static RngState FromWords(ulong[]? w, string which) =>
        w is { Length: 4 } ? new RngState(w[0], w[1], w[2], w[3]) : throw new InvalidDataException($"The checkpoint's {which} generator state has {w?.Length ?? 0} words; expected 4.");
}
