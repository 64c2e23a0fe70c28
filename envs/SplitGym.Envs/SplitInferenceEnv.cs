using System.Globalization;
using SplitGym.Core;
using SplitGym.Core.Spaces;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Oracle;
using SplitGym.Envs.Rewards;

namespace SplitGym.Envs;

/// <summary>
/// Adaptive layer splitting for wireless LLM inference (<c>SplitInference-v0</c>).
/// </summary>
/// <remarks>
/// <para><b>Description.</b> A LLaMA-style decoder of L layers is cut at split p: the phone (UE) runs
/// the embedding and layers [0, p), sends the hidden state over a noisy Nakagami-m fading channel
/// <c>ŷ = h⊙y + n</c>, and the edge server runs the rest. Each step the agent sees the channel and
/// the split and moves the split by up to K layers, trading the perplexity damage the channel does
/// against the share of the compute left on the phone. Source: Chen et al., "Adaptive layer splitting
/// for wireless LLM inference in edge computing: a model-based RL approach", FITEE 2025.</para>
/// <para><b>Action Space.</b> <c>Discrete(2K + 1)</c>: action a moves the split by a − K layers,
/// clipped to [pMin, pMax]; action K stays. K = 1, 2, 3 are the paper's spaces of size 3, 5, 7.</para>
/// <para><b>Observation Space.</b> <c>Box(float32[3])</c> = [σ, m, p], with bounds [σmin, mmin, pMin] to
/// [σmax, mmax, pMax]: the noise intensity σ (hidden-state units; the erasure probability q for the
/// erasure variant) within the episode's channel range, the Nakagami shape m (dimensionless) within it,
/// and the split p (layers on the UE). The case's σ range is a fraction of the table's σ axis
/// (<see cref="ChannelCases"/>), m spans the table's shape axis. For the registered ids on the shipped
/// 32-layer model:
/// <list type="table">
/// <listheader><term>id</term><description>low → high</description></listheader>
/// <item><term><c>SplitInference-L-k*-v0</c></term><description>[0, 0.5, 1] → [9.6, 8, 31]</description></item>
/// <item><term><c>SplitInference-H-k*-v0</c></term><description>[16, 0.5, 1] → [64, 8, 31]</description></item>
/// <item><term><c>SplitInference-v0</c>, <c>SplitInference-A-k*-v0</c></term><description>[0, 0.5, 1] → [64, 8, 31]</description></item>
/// <item><term><c>SplitInferenceAuthors-v0</c></term><description>[0.01, 0, 1] → [0.3, 0, 10] (q, no fading, p)</description></item>
/// </list></para>
/// <para><b>Rewards.</b> Default <c>−min(PPL/PPL_clean − 1, D) − λ·C_UE(p)</c> (dimensionless; D = <c>max_degradation</c>, default 10) where PPL is one
/// measurement of the split model's perplexity under the current channel at the new split and C_UE(p)
/// the UE's FLOP share; also the paper's raw form and the authors' released-code form
/// (<see cref="RewardForm"/>). The info carries the uncapped perplexity, the oracle split p*, the
/// per-step regret and the live evaluations consumed (<see cref="SplitInferenceInfo"/>); <see cref="OptimalReturn"/>
/// is the episode's optimal expected return. The oracle and the regret score the capped reward of the
/// <i>expected</i> perplexity, while the reward caps each noisy measurement; they agree, and the oracle,
/// the regret and the optimal return are exact, as long as no measurement exceeds the cap D + 1 times the
/// clean perplexity (always with <c>table-deterministic</c>). The shipped tables peak at 7.99× clean
/// (Nakagami; erasure 1.21×), below the default cap of 11×, so there they are exact; for a table whose
/// expected perplexity at a knot inside the channel range exceeds the cap, the env emits a one-time
/// <see cref="EnvWarnings"/> warning naming the peak and the <c>max_degradation</c> that keeps them exact.</para>
/// <para><b>Starting State.</b> The channel is drawn from the case's range (σ uniform, m log-uniform);
/// the split uniformly from [pMin, pMax]. Reset options <c>sigma</c>, <c>shape</c> and <c>split</c> fix them.</para>
/// <para><b>Episode End.</b> Never terminates; truncated after <see cref="SplitInferenceOptions.EpisodeLength"/>
/// steps by the registered <c>TimeLimit</c>.</para>
/// <para><b>Arguments.</b> In code: a reward backend (<see cref="TableBackend"/>, the live split LLaMA
/// <see cref="LiveBackend"/>, or a learned surrogate <see cref="LearnedBackend"/>), <see cref="SplitInferenceOptions"/>
/// and the render mode (null or <c>ansi</c>). Through the registry (<c>Make(id, kwargs)</c>), these kwargs
/// (snake_case, Gymnasium style; a bad value fails naming the kwarg, the value and the expected range):
/// <list type="table">
/// <item><term><c>preset</c></term><description><c>authors</c> starts from <see cref="SplitInferencePresets.Authors"/> instead of the defaults; default none.</description></item>
/// <item><term><c>backend</c></term><description><c>table</c> (default; noisy measurements drawn from the recorded spread) or <c>table-deterministic</c> (the interpolated mean). The live backend is not offered here: it needs the checkpoint loaded in TorchSharp and the evaluation text, and costs about 0.3 s per step, so it is built in code (<see cref="LiveBackend"/>).</description></item>
/// <item><term><c>variant</c></term><description>Channel variant of the table: <c>nakagami-awgn</c> (default) or <c>erasure</c>.</description></item>
/// <item><term><c>model_dir</c></term><description>Checkpoint folder with its tables; default the shipped tiny LLaMA. On a user's folder (or <c>table</c>) the env checks once that the cases L and H call for different splits and warns otherwise (<see cref="Registration.CaseSeparationCheck"/>).</description></item>
/// <item><term><c>table</c></term><description>Explicit table file; default <c>perplexity-{variant}.json</c> in the folder. It must belong to <c>model_dir</c>'s weights (same layer count and weights SHA-256), otherwise construction fails naming both.</description></item>
/// <item><term><c>case</c></term><description><c>L</c>, <c>H</c> or <c>A</c> (default A): fractions of the table's σ axis, see <see cref="ChannelCases"/>. An error with <c>preset = authors</c>, whose channel range is fixed (q ∈ [0.01, 0.3]) and would silently win; set <c>sigma_min</c>, <c>sigma_max</c> there instead.</description></item>
/// <item><term><c>sigma_min</c>, <c>sigma_max</c></term><description>Explicit σ range of the episode channel (hidden-state units; erasure probability q for the erasure variant), inside the table's coverage; each defaults to the case's end.</description></item>
/// <item><term><c>shape_min</c>, <c>shape_max</c></term><description>Explicit Nakagami m range (dimensionless, &gt; 0; [0, 0] for erasure), inside the table's shape axis; each defaults to the case's end.</description></item>
/// <item><term><c>k</c></term><description>Largest move K in layers per step, ≥ 1 (action space 2K + 1); default 1.</description></item>
/// <item><term><c>lambda</c></term><description>Weight λ ≥ 0 of the UE compute share (dimensionless); default <see cref="SplitInferenceOptions.DefaultLambda"/>. An error with the authors' reward form (<c>reward = authors</c> or <c>preset = authors</c>), which has its own compute term (10 − p)/10 and no λ.</description></item>
/// <item><term><c>reward</c></term><description>Reward form: <c>normalised</c> (default), <c>paper</c> or <c>authors</c> (<see cref="RewardForm"/>).</description></item>
/// <item><term><c>max_degradation</c></term><description>Cap D &gt; 0 on PPL/PPL_clean − 1 in the reward (dimensionless); default 10.</description></item>
/// <item><term><c>split_min</c>, <c>split_max</c></term><description>Allowed split range in layers, 1 ≤ split_min ≤ split_max ≤ L − 1; default [1, L − 1].</description></item>
/// <item><term><c>drift_correlation</c></term><description>Step-to-step correlation ρ ∈ [0, 1] of the Gauss–Markov drift of σ and log m; drift is off unless given.</description></item>
/// <item><term><c>drift_spread</c></term><description>Stationary spread of that drift as a fraction ≥ 0 of the range width; default <see cref="Registration.SplitInferenceKwargs.DefaultDriftSpread"/> (0.1); an error without <c>drift_correlation</c>.</description></item>
/// <item><term><c>render_mode</c></term><description><c>ansi</c> for a one-line text picture, or none (default).</description></item>
/// </list>
/// The episode length is the registry's <c>max_episode_steps</c> (32 steps, 5 for the authors' id; <c>Make(id, maxEpisodeSteps: n)</c>
/// overrides it and the oracle plans over n).</para>
/// <para><b>Version History.</b> v0: initial version.</para>
/// </remarks>
public sealed class SplitInferenceEnv : ArrayEnv
{
    private readonly IRewardBackend _backend;
    private readonly SplitInferenceOptions _options;
    private readonly RewardFunction _reward;
    private readonly ChannelRange _range;
    private readonly int _splitMin, _splitMax;
    private readonly double[] _expectedPerplexity;
    private readonly double[] _expectedReward;
    private SplitPlanner _planner;
    private readonly RandomPolicyTracker _randomPolicy;
    private ChannelState _channel;
    private int _split, _oracleSplit, _bestSplit, _steps, _horizon;
    private double _lastPerplexity = double.NaN;

    private static readonly SplitInferenceOptions Defaults = new();

    /// <summary>Creates the environment; throws a clear error for any inconsistent option.</summary>
    /// <remarks>The options are validated while the observation space is built, before anything else.</remarks>
    public SplitInferenceEnv(IRewardBackend backend, SplitInferenceOptions? options = null, string? renderMode = null)
        : base(ObservationBox(backend, options ?? Defaults), new Discrete(2 * (options ?? Defaults).MaxMove + 1), SplitInferenceInfo.Keys, CheckRenderMode(renderMode))
    {
        options ??= Defaults;
        _backend = backend;
        _options = options;
        _range = RangeOf(backend, options);
        _splitMin = options.SplitMin;
        _splitMax = options.SplitMax ?? backend.NumLayers - 1;
        _reward = new RewardFunction(options.RewardForm, options.Lambda, options.MaxDegradation, backend.CleanPerplexity);
        _expectedPerplexity = new double[backend.NumLayers + 1];
        _expectedReward = new double[_splitMax - _splitMin + 1];
        _horizon = options.EpisodeLength;
        _planner = new SplitPlanner(_splitMin, _splitMax, options.MaxMove, _horizon);
        _randomPolicy = new RandomPolicyTracker(_splitMin, _splitMax, options.MaxMove);
        CapBindingCheck.CheckOnce(backend, _range, _splitMin, _splitMax, options.MaxDegradation);
    }

    /// <inheritdoc/>
    public override EnvMetadata Metadata { get; } = new(["ansi"], RenderFps: 4);

    /// <summary>The backend that measures perplexity.</summary>
    public IRewardBackend Backend => _backend;

    /// <summary>The options this env was built with.</summary>
    public SplitInferenceOptions Options => _options;

    /// <summary>The range each episode's channel is drawn from.</summary>
    public ChannelRange ChannelRange => _range;

    /// <summary>The current channel.</summary>
    public ChannelState Channel => _channel;

    /// <summary>The current split p.</summary>
    public int Split => _split;

    /// <summary>
    /// The expected reward of every allowed split under the current channel, indexed by p − pMin;
    /// the oracle and the regret are computed from it.
    /// </summary>
    public ReadOnlySpan<double> ExpectedRewardBySplit => _expectedReward;

    /// <summary>The best split for the current channel, p*.</summary>
    public int OracleSplit => _bestSplit;

    /// <summary>
    /// The optimal expected return of the episode begun by the last reset: the most that any action
    /// sequence can collect in expected reward from the initial split over the episode's horizon (the
    /// registered time limit), with moves of at most K layers, computed exactly by dynamic programming.
    /// In the reward's units (dimensionless for the normalised and the authors' forms, perplexity units
    /// for the paper's raw form), summed over steps. Without drift it equals the sum of the info's
    /// <c>oracle_step_reward</c> over the episode; with drift it is the plan made for the channel at reset,
    /// and the oracle's realised return is that sum.
    /// </summary>
    public double OptimalReturn { get; private set; } = double.NaN;

    /// <inheritdoc/>
    protected override void OnReset(Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options)
    {
        var drawn = _range.At(NpRandom.NextDouble(), NpRandom.NextDouble());
        _channel = _range.Clamp(new ChannelState(Option(options, "sigma") ?? drawn.Sigma, Option(options, "shape") ?? drawn.Shape));
        int drawnSplit = NpRandom.NextInt(_splitMin, _splitMax + 1);
        _split = (int?)Option(options, "split") is int fixedSplit ? Math.Clamp(fixedSplit, _splitMin, _splitMax) : drawnSplit;
        _oracleSplit = _split;
        _steps = 0;
        _lastPerplexity = double.NaN;
        _randomPolicy.Reset(_split);
        UseHorizon(Spec?.MaxEpisodeSteps ?? _options.EpisodeLength);
        AnalyseChannel(_horizon);
        OptimalReturn = _planner.OptimalReturn(_split);
        WriteObservation(observation);
        info.Set(1, _backend.CleanPerplexity);
        info.Set(2, _backend.ComputeShare(_split));
        info.Set(3, _bestSplit);
        info.Set(4, _expectedReward[_bestSplit - _splitMin]);
        info.Set(9, 0);
    }

    /// <inheritdoc/>
    protected override StepOutcome OnStep(int action, Span<float> observation, InfoBuffer info)
    {
        _split = Math.Clamp(_split + action - _options.MaxMove, _splitMin, _splitMax);
        double computeShare = _backend.ComputeShare(_split);
        long evaluationsBefore = _backend.LiveEvaluations;
        _lastPerplexity = _backend.MeasurePerplexity(_split, _channel, _expectedPerplexity[_split], NpRandom);
        double reward = _reward.Evaluate(_lastPerplexity, _split, computeShare);
        int movesToGo = Math.Max(1, _horizon - _steps);
        _oracleSplit = _planner.NextSplit(_oracleSplit, movesToGo);
        WriteStepInfo(info, computeShare, _backend.LiveEvaluations - evaluationsBefore);
        _steps++;
        if (_options.Drift is { } drift)
        {
            _channel = drift.Next(_channel, _range, NpRandom);
            AnalyseChannel(Math.Max(1, _horizon - _steps));
        }
        WriteObservation(observation);
        return new StepOutcome(reward, Terminated: false, Truncated: false);
    }

    /// <summary>A one-line picture of the model, the split and the channel (render mode <c>ansi</c>).</summary>
    public override object? Render()
    {
        if (RenderMode != "ansi") return null;
        int layers = _backend.NumLayers;
        var bar = new string('#', _split) + "|" + new string('.', layers - _split);
        return string.Create(CultureInfo.InvariantCulture,
            $"UE [{bar}] EDGE  p={_split}/{layers} p*={_bestSplit}  σ={_channel.Sigma:0.###} m={_channel.Shape:0.##}  ppl={_lastPerplexity:0.###} (clean {_backend.CleanPerplexity:0.###})");
    }

    private void WriteStepInfo(InfoBuffer info, double computeShare, long evaluations)
    {
        double best = _expectedReward[_bestSplit - _splitMin];
        double mine = _expectedReward[_split - _splitMin];
        info.Set(0, _lastPerplexity);
        info.Set(1, _backend.CleanPerplexity);
        info.Set(2, computeShare);
        info.Set(3, _bestSplit);
        info.Set(4, best);
        info.Set(5, best - mine);
        info.Set(6, mine);
        info.Set(7, _expectedReward[_oracleSplit - _splitMin]);
        info.Set(8, _randomPolicy.Advance(_expectedReward));
        info.Set(9, evaluations);
    }

    /// <summary>Expected perplexity and reward of every split, p*, and the oracle's plan for the remaining horizon.</summary>
    private void AnalyseChannel(int horizon)
    {
        _backend.ExpectedPerplexities(_channel, _expectedPerplexity);
        _bestSplit = _splitMin;
        for (int split = _splitMin; split <= _splitMax; split++)
        {
            double value = _reward.Evaluate(_expectedPerplexity[split], split, _backend.ComputeShare(split));
            _expectedReward[split - _splitMin] = value;
            if (value > _expectedReward[_bestSplit - _splitMin]) _bestSplit = split;
        }
        _planner.Plan(_expectedReward, horizon);
    }

    /// <summary>Plans over <paramref name="horizon"/> steps from now on, growing the planner's tables only when needed.</summary>
    private void UseHorizon(int horizon)
    {
        if (horizon > _planner.MaxSteps) _planner = new SplitPlanner(_splitMin, _splitMax, _options.MaxMove, horizon);
        _horizon = horizon;
    }

    private void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)_channel.Sigma;
        observation[1] = (float)_channel.Shape;
        observation[2] = _split;
    }

    private static double? Option(IReadOnlyDictionary<string, object?>? options, string key)
    {
        if (options is null || !options.TryGetValue(key, out var value) || value is null) return null;
        try
        {
            return Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException)
        {
            throw new ArgumentException($"Reset option '{key}' must be a number, got '{value}'.", nameof(options), e);
        }
    }

    private static string? CheckRenderMode(string? renderMode) =>
        renderMode is null or "ansi" ? renderMode
        : throw new ArgumentException($"Render mode '{renderMode}' is not supported; expected null or 'ansi'.", nameof(renderMode));

    private static ChannelRange RangeOf(IRewardBackend backend, SplitInferenceOptions options) =>
        options.ChannelRange ?? ChannelCases.RangeOf(options.Case, backend.Coverage);

    private static Box<float> ObservationBox(IRewardBackend backend, SplitInferenceOptions options)
    {
        SplitInferenceValidation.Validate(backend, options);
        var range = RangeOf(backend, options);
        int splitMax = options.SplitMax ?? backend.NumLayers - 1;
        return new Box<float>(
            [(float)range.SigmaMin, (float)range.ShapeMin, options.SplitMin],
            [(float)range.SigmaMax, (float)range.ShapeMax, splitMax]);
    }
}
