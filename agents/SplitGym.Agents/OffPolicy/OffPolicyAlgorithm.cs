using System.Text.Json.Nodes;
using SplitGym.Agents.Training;
using SplitGym.Core.Vector;
using static TorchSharp.torch;

namespace SplitGym.Agents.OffPolicy;

/// <summary>
/// The replay loop (SB3's <c>OffPolicyAlgorithm</c>): each iteration is one vector step — uniformly
/// random actions until <see cref="OffPolicyOptions.LearningStarts"/>, then the subclass's exploratory
/// policy — whose transitions go to the replay buffer; every <see cref="OffPolicyOptions.TrainFreq"/>
/// vector steps the subclass trains for <see cref="OffPolicyOptions.GradientSteps"/> steps.
/// </summary>
public abstract class OffPolicyAlgorithm : Algorithm
{
    /// <summary>Name of the replay buffer file in a checkpoint.</summary>
    public const string ReplayBufferFile = "replay_buffer.safetensors";

    private readonly int[] _actions;
    private readonly float[] _observations;
    private long _loggedEpisodes;

    /// <summary>Allocates the replay buffer and the step buffers.</summary>
    protected OffPolicyAlgorithm(string name, VectorEnv env, OffPolicyOptions options, TrainingOptions training) : base(name, env, training)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Buffer = new ReplayBuffer(options.BufferSize, Env.ObservationLength);
        Sample = new ReplaySample(options.BatchSize, Env.ObservationLength);
        _actions = new int[Env.NumEnvs];
        _observations = new float[Env.Observations.Length];
    }

    /// <summary>The shared hyperparameters.</summary>
    public OffPolicyOptions Options { get; }

    /// <summary>The replay buffer.</summary>
    public ReplayBuffer Buffer { get; }

    /// <summary>The reusable minibatch arrays.</summary>
    protected ReplaySample Sample { get; }

    /// <summary>Vector steps taken (SB3's <c>_n_calls</c>).</summary>
    protected long Calls { get; private set; }

    /// <summary>Gradient steps so far (SB3's <c>n_updates</c>, logged as <c>train/n_updates</c>).</summary>
    public long Updates { get; protected set; }

    /// <inheritdoc />
    protected override int DefaultLogInterval => 4;

    /// <inheritdoc />
    protected override object Hyperparameters => Options;

    /// <inheritdoc />
    protected override void RunIteration()
    {
        CollectStep();
        Calls++;
        OnVectorStep();
        if (NumTimesteps > Options.LearningStarts && Calls % Options.TrainFreq == 0)
        {
            using var scope = NewDisposeScope();
            Train(Options.GradientSteps);
        }
        if (Env.Episodes.Completed / LogInterval > _loggedEpisodes / LogInterval) DumpLogs();
        _loggedEpisodes = Env.Episodes.Completed;
    }

    /// <summary>Fills <paramref name="actions"/> with exploratory actions for the batch <paramref name="observations"/> (after learning starts).</summary>
    protected abstract void ExploreActions(float[] observations, int[] actions);

    /// <summary>Per-vector-step bookkeeping (schedules, target updates), after the step's transitions are stored.</summary>
    protected abstract void OnVectorStep();

    /// <summary>Runs <paramref name="gradientSteps"/> gradient steps on replayed minibatches (inside a dispose scope).</summary>
    protected abstract void Train(int gradientSteps);

    /// <inheritdoc />
    protected internal override void SaveExtraFiles(string folder) => Buffer.Save(Path.Combine(folder, ReplayBufferFile));

    /// <inheritdoc />
    protected internal override Action StageExtraFiles(string folder)
    {
        var path = Path.Combine(folder, ReplayBufferFile);
        if (!File.Exists(path)) throw new InvalidDataException($"The checkpoint in '{folder}' has no {ReplayBufferFile}; an off-policy agent needs its replay buffer to resume.");
        return Buffer.Stage(path);
    }

    /// <inheritdoc />
    protected override JsonObject AlgorithmState() => new() { ["calls"] = Calls, ["updates"] = Updates, ["logged_episodes"] = _loggedEpisodes };

    /// <inheritdoc />
    protected override Action StageAlgorithmState(JsonObject state)
    {
        long calls = StateValue<long>(state, "calls"), updates = StateValue<long>(state, "updates"), loggedEpisodes = StateValue<long>(state, "logged_episodes");
        return () =>
        {
            Calls = calls;
            Updates = updates;
            _loggedEpisodes = loggedEpisodes;
        };
    }

    private void CollectStep()
    {
        Env.Observations.CopyTo(_observations, 0);
        if (NumTimesteps < Options.LearningStarts)
        {
            for (int i = 0; i < Env.NumEnvs; i++) _actions[i] = ActionSelection.Uniform(Env.ActionCount, Random);
        }
        else
        {
            ExploreActions(_observations, _actions);
        }
        Env.Step(_actions);
        NumTimesteps += Env.NumEnvs;
        int length = Env.ObservationLength;
        for (int i = 0; i < Env.NumEnvs; i++)
        {
            var next = Env.Dones[i] ? Env.FinalObservations : Env.Observations;
            Buffer.Add(_observations.AsSpan(i * length, length), next.AsSpan(i * length, length), _actions[i], Env.Rewards[i], Env.Terminations[i]);
        }
    }
}
