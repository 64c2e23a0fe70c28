using System.Diagnostics;
using System.Text.Json;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.Logging;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using SplitGym.Core;
using SplitGym.Core.Vector;
using SplitGym.Core.Wrappers;
using SplitGym.Envs;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;
using SplitGym.Llm.IO;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// Model-based agent: learns a reward surrogate (and, for drifting envs, the channel transition) from a
/// small budget of real perplexity evaluations and trains its policy entirely inside the learned env.
/// </summary>
/// <remarks>
/// <para>The loop: (1) a space-filling initial design of real evaluations over the env's (p, σ, m) region;
/// (2) fit the surrogate and tabulate it on a grid (<see cref="LearnedModelGrid"/>), so the learned env
/// costs about as much per step as the table env; (3) train the inner agent (PPO by default) in the
/// learned env, warm-started from the previous round; (4) spend the next small batch of real evaluations
/// where the current policy goes and where the ensemble disagrees most (<see cref="Acquisition"/>);
/// (5) refit and repeat until the budget is spent or the policy stops changing.</para>
/// <para>Inner training is checked in the learned env itself, at no real cost: after each round the greedy policy
/// is scored against the learned env's oracle, and a policy below <see cref="MbrlOptions.InnerTargetScore"/> (PPO
/// stuck in a poor local optimum, which more real data would not fix) is challenged by freshly seeded inner
/// agents; the best-scoring one is kept.</para>
/// <para>Accounting: every real evaluation goes through one <see cref="RealEvaluator"/>, which refuses to
/// exceed the budget and logs the evaluation in <see cref="Ledger"/>; <see cref="NumTimesteps"/> is the
/// ledger's count, i.e. the live (or, on the table backend, live-equivalent) evaluations consumed.
/// Learned-env steps cost no evaluation and are reported separately (<see cref="MbrlRound.InnerSteps"/>).</para>
/// <para>Determinism: the design, the bootstrap, the network initialisations, the channel draws of the
/// real evaluations and the inner agent all come from generators seeded by <see cref="TrainingOptions.Seed"/>.</para>
/// </remarks>
public sealed class MbrlAgent : IAgent
{
    /// <summary>The ledger file of a checkpoint or run folder.</summary>
    public const string LedgerFile = "ledger.csv";

    /// <summary>The per-round report file of a checkpoint or run folder.</summary>
    public const string RoundsFile = "rounds.json";

    private readonly SplitInferenceEnv _real;
    private readonly IDisposable? _owned;
    private readonly TrainingOptions _training;
    private readonly DesignRegion _region;
    private readonly Rng _rng;
    private readonly RealEvaluator _evaluator;
    private readonly ISurrogate _surrogate;
    private readonly SurrogateWorld _world = new();
    private readonly SplitInferenceEnv _learned;
    private readonly TimeLimit<float[], int> _learnedEpisodes;
    private readonly Func<VectorEnv> _innerEnvs;
    private readonly TrainingOptions _innerTraining;
    private IAgent _inner;
    private int _innerAgents;
    private long _discardedInnerSteps;
    private readonly SurrogateQualityProbe _quality;
    private readonly ChannelProbe? _channelProbe;
    private readonly float[][] _probeStates;
    private readonly List<MbrlRound> _rounds = [];
    private int[]? _previousActions;
    private bool _disposed;

    /// <summary>Creates the agent on the real env <paramref name="real"/> (its backend is the real LLM or its calibrated table).</summary>
    /// <param name="real">The real env, unwrapped; its options (case, K, reward, episode length) define the task.</param>
    /// <param name="options">Settings; null is <see cref="MbrlOptions.Default"/>.</param>
    /// <param name="training">Seed, logging and run folder; null is seed 0, silent.</param>
    /// <param name="owned">Disposed with the agent (e.g. the vector env <paramref name="real"/> came from).</param>
    public MbrlAgent(SplitInferenceEnv real, MbrlOptions? options = null, TrainingOptions? training = null, IDisposable? owned = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        Options = (options ?? MbrlOptions.Default).Validated();
        _training = training ?? new TrainingOptions();
        _real = real;
        _owned = owned;
        _region = DesignRegion.Of(real);
        _rng = new Rng(_training.Seed);
        _evaluator = new RealEvaluator(real.Backend, Ledger, new Rng(_training.Seed + 1L));
        _surrogate = new NetworkSurrogate(_region, Options.Surrogate, _training.Seed + 2);
        IChannelDrift? drift = real.Options.Drift is null ? null : _world;
        TimeLimit<float[], int> NewLearnedEpisodes()
        {
            var env = LearnedEnvironment.Create(_world, real, drift);
            return new(env, env.Options.EpisodeLength);
        }
        _learnedEpisodes = NewLearnedEpisodes();
        _learned = (SplitInferenceEnv)_learnedEpisodes.Unwrapped;
        _innerEnvs = () => AgentEnvs.Of(Enumerable.Range(0, Options.InnerEnvs).Select(_ => NewLearnedEpisodes()));
        _innerTraining = _training with { RunsFolder = null, Console = null };
        _inner = NewInner();
        _quality = new SurrogateQualityProbe(real, Options.QualityPoints, Options.QualityChannels, _training.Seed + 3);
        _channelProbe = real.Options.Drift is null ? null : new ChannelProbe(real, _evaluator);
        _probeStates = [.. SpaceFillingDesign.LatinHypercube(Options.ProbeStates, DesignRegion.Dimensions, new Rng(_training.Seed + 4), tries: 1)
            .Select(u => _region.FromUnit(u)).Select(q => new[] { (float)q.Channel.Sigma, (float)q.Channel.Shape, q.Split })];
        if (_training.Console is not null) Logger.AddOutput(new ConsoleOutput(_training.Console));
    }

    /// <inheritdoc />
    public string Name => Options.Acquire ? "MBRL" : "Surrogate";

    /// <summary>The settings.</summary>
    public MbrlOptions Options { get; }

    /// <summary>Real evaluations spent so far (live, or live-equivalent on the table backend).</summary>
    public long NumTimesteps => Ledger.Count;

    /// <summary>Every real evaluation, in order, with its inputs, result and reason.</summary>
    public EvaluationLedger Ledger { get; } = new();

    /// <summary>The rounds so far, each with its surrogate quality report.</summary>
    public IReadOnlyList<MbrlRound> Rounds => _rounds;

    /// <summary>The inner agent, trained in the learned env.</summary>
    public IAgent Inner => _inner;

    /// <summary>The current learned model (after the first round).</summary>
    public ILearnedModel LearnedModel => _world;

    /// <summary>Round metrics (<c>mbrl/…</c>), one dump per round at the evaluation count.</summary>
    public Logger Logger { get; } = new();

    /// <summary>The action of the inner policy.</summary>
    public int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default) =>
        _inner.Predict(observation, deterministic, actionMask);

    /// <summary>
    /// Runs the model-based loop until the real evaluations reach min(<paramref name="totalTimesteps"/>,
    /// <see cref="MbrlOptions.Budget"/>), the policy stops changing, or a callback stops it. Callbacks see a
    /// boundary after every round (their step count is the evaluation count). Calling again with a larger
    /// target continues with a new acquisition round.
    /// </summary>
    public void Learn(long totalTimesteps, IReadOnlyList<Callback>? callbacks = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (totalTimesteps <= 0) throw new ArgumentOutOfRangeException(nameof(totalTimesteps), totalTimesteps, "The evaluation budget must be positive.");
        _evaluator.Budget = Math.Min(totalTimesteps, Options.Budget);
        callbacks ??= [];
        if (_training.RunsFolder is not null && Logger.RunFolder is null)
            Logger.OpenRunFolder(RunFolder.PathFor(_training.RunsFolder, _training.EnvName, Name, _training.Seed, DateTimeOffset.UtcNow), _training.TensorBoard);
        var context = new TrainingContext(this, totalTimesteps, Logger, new EpisodeWindow());
        foreach (var callback in callbacks) callback.OnTrainingStart(context);
        if (_rounds.Count == 0) SpendDesign();
        else if (CanContinue()) Acquire();
        else return;
        bool proceed = true;
        while (proceed)
        {
            RunRound();
            foreach (var callback in callbacks) proceed &= callback.OnBoundary(context);
            if (!proceed || !CanContinue()) break;
            Acquire();
        }
        foreach (var callback in callbacks) callback.OnTrainingEnd(context);
    }

    /// <summary>Saves the inner policy (<c>policy/</c>), the ledger and the round reports into the folder <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(path);
        _inner.Save(Path.Combine(path, "policy"));
        WriteRecords(path);
    }

    /// <summary>
    /// Restores the ledger and the inner policy saved by <see cref="Save"/>; the surrogate is refitted from the
    /// restored ledger (the learned envs need a model). Observed channel transitions are not saved, so a
    /// drifting env's learned transition starts again from the next probes.
    /// </summary>
    public void Load(string path)
    {
        var ledger = Path.Combine(path, LedgerFile);
        if (!File.Exists(ledger)) throw new InvalidDataException($"'{path}' is not a model-based checkpoint: it has no {LedgerFile}.");
        Ledger.ReplaceWith(EvaluationLedger.Read(ledger));
        if (Ledger.Count > 0) RefitWorld();
        _inner.Load(Path.Combine(path, "policy"));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _inner.Dispose();
        _learnedEpisodes.Dispose();
        _surrogate.Dispose();
        Logger.Dispose();
        _owned?.Dispose();
    }

    private bool CanContinue() =>
        Options.Acquire && _evaluator.Remaining > 0
        && !(_rounds.Count >= Options.MinRounds && _rounds[^1].PolicyChange <= Options.PolicyChangeTolerance
             && _rounds[^1].LearnedScore >= Options.InnerTargetScore);

    private void SpendDesign()
    {
        int count = (int)Math.Min(Options.InitialDesign, _evaluator.Remaining);
        var design = Options.LatinHypercube
            ? SpaceFillingDesign.LatinHypercube(count, DesignRegion.Dimensions, _rng)
            : SpaceFillingDesign.Uniform(count, DesignRegion.Dimensions, _rng);
        foreach (var unit in design) _evaluator.Measure(_region.FromUnit(unit), 0, AcquisitionSource.Design);
    }

    /// <summary>Fits, tabulates, trains the inner agent and reports.</summary>
    private void RunRound()
    {
        var clock = Stopwatch.StartNew();
        int round = _rounds.Count + 1;
        RefitWorld();
        double learnedScore = TrainInner(round);
        var quality = _quality.Report(round, Ledger.Count, _surrogate, _learned);
        var record = new MbrlRound(round, Ledger.Count, quality, PolicyChange(), learnedScore, _innerAgents,
            _discardedInnerSteps + _inner.NumTimesteps, clock.Elapsed.TotalSeconds);
        _rounds.Add(record);
        Log(record);
    }

    /// <summary>
    /// Continues the inner agent for the round's learned steps; while its learned-env score is below the target,
    /// trains fresh agents (up to <see cref="MbrlOptions.InnerRestarts"/>) and keeps the best. Returns the kept policy's score.
    /// </summary>
    private double TrainInner(int round)
    {
        _inner.Learn(_inner.NumTimesteps + (round == 1 ? Options.InnerSteps : Options.InnerStepsPerRound));
        double score = LearnedScore(_inner);
        for (int restart = 0; restart < Options.InnerRestarts && score < Options.InnerTargetScore; restart++)
        {
            var challenger = NewInner();
            challenger.Learn(Options.InnerSteps);
            double challengerScore = LearnedScore(challenger);
            if (challengerScore <= score)
            {
                Discard(challenger);
                continue;
            }
            Discard(_inner);
            (_inner, score) = (challenger, challengerScore);
        }
        return score;
    }

    /// <summary>A fresh inner agent on its own learned vector env; the n-th has seed <c>seed + 104,729·n</c> (the first keeps the agent's seed).</summary>
    private IAgent NewInner()
    {
        var training = _innerTraining with { Seed = _training.Seed + 104_729 * _innerAgents++ };
        var envs = _innerEnvs();
        return Options.InnerAgent?.Invoke(envs, training) ?? new Ppo(envs, Options.InnerPpo, training);
    }

    private void Discard(IAgent agent)
    {
        _discardedInnerSteps += agent.NumTimesteps;
        agent.Dispose();
    }

    /// <summary>Greedy normalised score of <paramref name="agent"/> in the learned env (same seeded episodes each time; 1 when nothing separates oracle from random).</summary>
    private double LearnedScore(IAgent agent) =>
        Evaluator.Evaluate(agent, _learnedEpisodes, Options.InnerScoreEpisodes, deterministic: true, seed: _training.Seed + 5).NormalisedScore ?? 1;

    /// <summary>Fits the surrogate (and the channel transition) to the ledger and tabulates it into the learned world.</summary>
    private void RefitWorld()
    {
        _surrogate.Fit(Ledger.Records);
        var transition = _channelProbe is null ? null : ChannelTransitionFit.Fit(_channelProbe.Pairs, _real.ChannelRange);
        _world.Update(LearnedModelGrid.Tabulate(_real.Backend.NumLayers, _real.ChannelRange, Options.GridSigmaKnots, Options.GridShapeKnots, _surrogate.Predict, transition));
    }

    /// <summary>Fraction of the probe states whose greedy action changed since the last round (1 in the first).</summary>
    private double PolicyChange()
    {
        var actions = _probeStates.Select(s => _inner.Predict(s, deterministic: true)).ToArray();
        double change = _previousActions is null ? 1 : actions.Zip(_previousActions).Count(p => p.First != p.Second) / (double)actions.Length;
        _previousActions = actions;
        return change;
    }

    /// <summary>Spends one round's evaluations: channel probes (drifting envs), then the policy's most uncertain states, then the most uncertain anywhere.</summary>
    private void Acquire()
    {
        int round = _rounds.Count;
        int seed = _training.Seed * 1_000 + round;
        if (_channelProbe is not null && Options.ChannelProbeSteps > 0) _channelProbe.Run(_inner, Options.ChannelProbeSteps, round, seed);
        int batch = (int)Math.Min(Options.PerRound, _evaluator.Remaining);
        int onPolicy = (int)Math.Round(batch * Options.PolicyFraction);
        var visits = PolicyVisits.Collect(_inner, _learned, Options.PolicyEpisodes, seed);
        int spent = SpendMostUncertain(visits, onPolicy, round, AcquisitionSource.Policy);
        var anywhere = SpaceFillingDesign.LatinHypercube(Options.CandidatePoints, DesignRegion.Dimensions, _rng, tries: 1).Select(u => _region.FromUnit(u)).ToList();
        SpendMostUncertain(anywhere, batch - spent, round, AcquisitionSource.Disagreement);
    }

    /// <summary>Evaluates up to <paramref name="count"/> of <paramref name="candidates"/> where the surrogate is least sure; returns how many it spent.</summary>
    private int SpendMostUncertain(IReadOnlyList<ModelQuery> candidates, int count, int round, AcquisitionSource source)
    {
        if (count <= 0 || candidates.Count == 0) return 0;
        var scores = _surrogate.Predict(candidates).Select(e => e.LogSpread).ToList();
        var units = candidates.Select(_region.ToUnit).ToList();
        var evaluated = Ledger.Records.Select(r => _region.ToUnit(r.Query)).ToList();
        var chosen = Acquisition.Select(units, scores, (int)Math.Min(count, _evaluator.Remaining), Options.ExclusionRadius, evaluated);
        foreach (int i in chosen) _evaluator.Measure(candidates[i], round, source);
        return chosen.Count;
    }

    private void Log(MbrlRound round)
    {
        Logger.Record("mbrl/round", round.Round);
        Logger.Record("mbrl/evaluations", round.Evaluations);
        Logger.Record("mbrl/heldout_rmse_log_ppl", round.Quality.HeldOutRmse);
        Logger.Record("mbrl/heldout_spread_log_ppl", round.Quality.HeldOutSpread);
        Logger.Record("mbrl/oracle_agreement", round.Quality.OracleAgreement);
        Logger.Record("mbrl/oracle_regret", round.Quality.OracleRegret);
        Logger.Record("mbrl/policy_change", round.PolicyChange);
        Logger.Record("mbrl/learned_score", round.LearnedScore);
        Logger.Record("mbrl/inner_agents", round.InnerAgents);
        Logger.Record("mbrl/inner_steps", round.InnerSteps);
        Logger.Record("time/round_seconds", round.Seconds);
        Logger.Dump(round.Evaluations);
        if (Logger.RunFolder is not null) WriteRecords(Logger.RunFolder);
    }

    private void WriteRecords(string folder)
    {
        Ledger.Write(Path.Combine(folder, LedgerFile));
        AtomicFile.WriteAllText(Path.Combine(folder, RoundsFile), JsonSerializer.Serialize(_rounds, new JsonSerializerOptions { WriteIndented = true }));
    }
}
