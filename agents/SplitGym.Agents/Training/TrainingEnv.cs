using SplitGym.Core;
using SplitGym.Core.Vector;

namespace SplitGym.Agents.Training;

/// <summary>
/// The vector env as a learner drives it: it resets finished sub-envs itself (so the final
/// observation of every finished episode is available for truncation bootstrapping, as Gymnasium's
/// same-step autoreset gives it), tracks episode returns, and keeps a replay log that makes its state
/// checkpointable for any env that is deterministic given its generator.
/// </summary>
/// <remarks>
/// <para><b>Why a replay log.</b> An arbitrary env's internal state cannot be serialised, but an env
/// that passes the checker is a pure function of its generator state and the actions it received.
/// So a checkpoint stores, per sub-env, the generator state right before the running episode's reset
/// and the actions since; <see cref="Restore"/> restores the generator, resets and replays. The
/// replay re-runs the episode's steps (re-spending live perplexity evaluations for a live backend)
/// and is checked against the saved observation. Wrappers that keep state across episodes (running
/// normalisation statistics) are not restored.</para>
/// <para>The wrapped vector env must use <see cref="AutoresetMode.Disabled"/>.</para>
/// </remarks>
public sealed class TrainingEnv
{
    private readonly VectorEnv _env;
    private readonly RngState[] _episodeStart;
    private readonly List<int>[] _actionsSinceStart;
    private readonly double[] _episodeReturn;
    private readonly bool[] _done;

    /// <summary>Drives <paramref name="env"/>, which must not reset sub-envs by itself.</summary>
    public TrainingEnv(VectorEnv env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (env.Autoreset != AutoresetMode.Disabled)
            throw new ArgumentException($"Agents reset finished sub-envs themselves; expected a vector env with AutoresetMode.Disabled, got {env.Autoreset}. Use Registry.MakeVec(id, n, autoreset: AutoresetMode.Disabled).", nameof(env));
        _env = env;
        _episodeStart = new RngState[NumEnvs];
        _actionsSinceStart = [.. Enumerable.Range(0, NumEnvs).Select(_ => new List<int>())];
        _episodeReturn = new double[NumEnvs];
        _done = new bool[NumEnvs];
        FinalObservations = new float[env.Observations.Length];
    }

    /// <summary>The vector env.</summary>
    public VectorEnv Vector => _env;

    /// <summary>The number of sub-envs.</summary>
    public int NumEnvs => _env.NumEnvs;

    /// <summary>The number of floats in one observation.</summary>
    public int ObservationLength => _env.ObservationLength;

    /// <summary>The number of discrete actions.</summary>
    public int ActionCount => _env.SingleActionSpace.N;

    /// <summary>Whether <see cref="Start"/> or <see cref="Restore"/> has run.</summary>
    public bool Started { get; private set; }

    /// <summary>The observations to act on (row-major; finished sub-envs already show their reset observation).</summary>
    public float[] Observations => _env.Observations;

    /// <summary>The last observation of each episode that ended in the last step (rows where <see cref="Dones"/>).</summary>
    public float[] FinalObservations { get; }

    /// <summary>The rewards of the last step.</summary>
    public double[] Rewards => _env.Rewards;

    /// <summary>Which sub-envs terminated in the last step.</summary>
    public bool[] Terminations => _env.Terminations;

    /// <summary>Which sub-envs were truncated (time limit) in the last step.</summary>
    public bool[] Truncations => _env.Truncations;

    /// <summary>Which sub-envs ended an episode (terminated or truncated) in the last step.</summary>
    public bool[] Dones => _done;

    /// <summary>The recent finished episodes.</summary>
    public EpisodeWindow Episodes { get; } = new();

    /// <summary>Resets every sub-env with seed + i (Gymnasium's vector seeding).</summary>
    public void Start(int seed)
    {
        _env.Reset(seed);
        for (int i = 0; i < NumEnvs; i++)
        {
            _episodeStart[i] = new Rng(seed + i).State;
            BeginEpisode(i);
        }
        Started = true;
    }

    /// <summary>Steps every sub-env and resets those whose episode ended (recording their final observation and statistics).</summary>
    public void Step(ReadOnlySpan<int> actions)
    {
        _env.Step(actions);
        bool anyDone = false;
        for (int i = 0; i < NumEnvs; i++)
        {
            _actionsSinceStart[i].Add(actions[i]);
            _episodeReturn[i] += _env.Rewards[i];
            _done[i] = _env.Terminations[i] || _env.Truncations[i];
            if (_done[i])
            {
                anyDone = true;
                EndEpisode(i);
            }
        }
        if (anyDone) _env.Reset(seed: null, mask: _done);
    }

    /// <summary>The replay log of the current state (valid between steps).</summary>
    public TrainingEnvState Snapshot()
    {
        var subEnvs = new SubEnvState[NumEnvs];
        for (int i = 0; i < NumEnvs; i++)
        {
            var s = _episodeStart[i];
            subEnvs[i] = new SubEnvState([s.S0, s.S1, s.S2, s.S3], [.. _actionsSinceStart[i]], _episodeReturn[i], [.. Row(_env.Observations, i)]);
        }
        return new TrainingEnvState(subEnvs, Episodes.Snapshot());
    }

    /// <summary>Rebuilds the state of <paramref name="state"/> by replaying each sub-env's running episode.</summary>
    /// <exception cref="InvalidDataException">The state does not fit this env, or the replay does not reproduce the saved observation.</exception>
    public void Restore(TrainingEnvState state)
    {
        if (state.SubEnvs.Length != NumEnvs)
            throw new InvalidDataException($"The checkpoint was taken with {state.SubEnvs.Length} sub-envs; this vector env has {NumEnvs}.");
        for (int i = 0; i < NumEnvs; i++) Replay(i, state.SubEnvs[i]);
        Episodes.Restore(state.Episodes);
        Array.Clear(_done);
        Started = true;
    }

    private void Replay(int i, SubEnvState saved)
    {
        if (saved.EpisodeStartRng.Length != 4 || saved.Observation.Length != ObservationLength)
            throw new InvalidDataException($"Sub-env {i}: expected a 4-word generator state and an observation of length {ObservationLength}, got {saved.EpisodeStartRng.Length} words and length {saved.Observation.Length}.");
        var env = _env.Envs[i];
        var info = new InfoBuffer(env.InfoKeys);
        var row = Row(_env.Observations, i);
        var words = saved.EpisodeStartRng;
        env.NpRandom.Restore(new RngState(words[0], words[1], words[2], words[3]));
        env.ResetInto(null, row, info);
        foreach (int action in saved.Actions) env.StepInto(action, row, info);
        if (!row.SequenceEqual(saved.Observation))
            throw new InvalidDataException($"Replaying sub-env {i} ({saved.Actions.Length} actions) gave observation [{string.Join(", ", row.ToArray())}], not the saved [{string.Join(", ", saved.Observation)}]: the env is not deterministic given its generator, or it differs from the one the checkpoint was taken with.");
        _episodeStart[i] = new RngState(words[0], words[1], words[2], words[3]);
        _actionsSinceStart[i].Clear();
        _actionsSinceStart[i].AddRange(saved.Actions);
        _episodeReturn[i] = saved.EpisodeReturn;
    }

    private void EndEpisode(int i)
    {
        Row(_env.Observations, i).CopyTo(Row(FinalObservations, i));
        Episodes.Add(_episodeReturn[i], _actionsSinceStart[i].Count);
        _episodeStart[i] = _env.Envs[i].NpRandom.State;
        BeginEpisode(i);
    }

    private void BeginEpisode(int i)
    {
        _actionsSinceStart[i].Clear();
        _episodeReturn[i] = 0;
    }

    private Span<float> Row(float[] batch, int i) => batch.AsSpan(i * ObservationLength, ObservationLength);
}
