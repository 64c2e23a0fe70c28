using System.Globalization;
using SplitGym.Core.Registration;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Rewards;
using SplitGym.Llm.Calibration;

namespace SplitGym.Envs.Registration;

/// <summary>
/// The keyword arguments a registered split-inference id accepts (Gymnasium-style, snake_case), and
/// how they become a backend and <see cref="SplitInferenceOptions"/>.
/// </summary>
/// <remarks>
/// Each kwarg with its meaning, default and units is listed in the Arguments section of
/// <see cref="SplitInferenceEnv"/>; every value is validated when the env is built, and a bad value
/// fails naming the kwarg, the value and the expected range.
/// </remarks>
public static class SplitInferenceKwargs
{
    /// <summary>Stationary spread of the Gauss–Markov drift, as a fraction of the range width, when only <c>drift_correlation</c> is given.</summary>
    public const double DefaultDriftSpread = 0.1;

    private static readonly string[] RangeKeys = ["sigma_min", "sigma_max", "shape_min", "shape_max"];

    /// <summary>Builds the env the kwargs describe; on a user's own table, checks once that the cases L and H separate (<see cref="CaseSeparationCheck"/>).</summary>
    public static SplitInferenceEnv Create(EnvKwargs kwargs)
    {
        var (backend, userTable) = Backend(kwargs);
        var options = Options(kwargs, backend.Coverage);
        var env = new SplitInferenceEnv(backend, options, kwargs.RenderMode);
        if (userTable is not null && options.ChannelRange is null) CaseSeparationCheck.CheckOnce(backend, options, userTable);
        return env;
    }

    /// <summary>The backend, and the path of the table when it is the user's own (<c>model_dir</c> or <c>table</c> given).</summary>
    private static (IRewardBackend Backend, string? UserTable) Backend(EnvKwargs kwargs)
    {
        string kind = kwargs.Get("backend", "table");
        string variant = kwargs.Get("variant", ChannelDescription.NakagamiAwgn);
        if (!ChannelDescription.Variants.Contains(variant))
            throw new ArgumentException($"Unknown variant '{variant}'; expected {string.Join(" or ", ChannelDescription.Variants.Select(v => $"'{v}'"))}.");
        string? modelDir = kwargs.Get<string?>("model_dir", null);
        string? table = kwargs.Get<string?>("table", null);
        var assets = modelDir is null ? ModelAssets.Default : new ModelAssets(modelDir);
        string? userTable = modelDir is null && table is null ? null : Path.GetFullPath(table ?? assets.TablePath(variant));
        IRewardBackend backend = kind switch
        {
            "table" => assets.TableBackend(variant, deterministic: false, table),
            "table-deterministic" => assets.TableBackend(variant, deterministic: true, table),
            _ => throw new ArgumentException($"Unknown backend '{kind}'; expected 'table' or 'table-deterministic'. The live backend is built in code with LiveBackend: it needs the checkpoint loaded in TorchSharp and the evaluation text, and costs about 0.3 s per step."),
        };
        return (backend, userTable);
    }

    private static SplitInferenceOptions Options(EnvKwargs kwargs, ChannelRange coverage)
    {
        var start = kwargs.Get("preset", "none") switch
        {
            "none" => new SplitInferenceOptions(),
            "authors" => SplitInferencePresets.Authors,
            var other => throw new ArgumentException($"Unknown preset '{other}'; expected 'authors' or none."),
        };
        var channelCase = kwargs.ContainsKey("case") ? ChannelCases.Parse(kwargs.Get("case", "A")) : start.Case;
        RejectCaseUnderFixedRange(kwargs, start);
        var options = start with
        {
            Case = channelCase,
            ChannelRange = ExplicitRange(kwargs, start.ChannelRange ?? ChannelCases.RangeOf(channelCase, coverage)) ?? start.ChannelRange,
            MaxMove = kwargs.Get("k", start.MaxMove),
            Lambda = kwargs.Get("lambda", start.Lambda),
            RewardForm = kwargs.ContainsKey("reward") ? ParseReward(kwargs.Get("reward", "normalised")) : start.RewardForm,
            MaxDegradation = kwargs.Get("max_degradation", start.MaxDegradation),
            SplitMin = kwargs.Get("split_min", start.SplitMin),
            SplitMax = kwargs.Get("split_max", start.SplitMax),
            Drift = Drift(kwargs, start.Drift),
        };
        RejectLambdaWithoutEffect(kwargs, options);
        return options;
    }

    /// <summary>
    /// A preset with a fixed channel range (the authors' q ∈ [0.01, 0.3]) would silently keep its range
    /// under <c>case</c>, since a case is a fraction of the table's whole σ axis; refuse the pair instead.
    /// </summary>
    private static void RejectCaseUnderFixedRange(EnvKwargs kwargs, SplitInferenceOptions start)
    {
        if (!kwargs.ContainsKey("case") || start.ChannelRange is not { } fixedRange) return;
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"kwarg case = '{kwargs.Get("case", "A")}' has no effect with preset = {kwargs.Get("preset", "none")}: the preset fixes the channel range to σ ∈ [{fixedRange.SigmaMin}, {fixedRange.SigmaMax}] (the authors' erasure probability q), while a case is a fraction of the table's whole σ axis; drop case, or set the range with sigma_min and sigma_max."));
    }

    /// <summary>The authors' reward has its own fixed compute term and no λ, so a given <c>lambda</c> would be ignored; refuse it.</summary>
    private static void RejectLambdaWithoutEffect(EnvKwargs kwargs, SplitInferenceOptions options)
    {
        if (!kwargs.ContainsKey("lambda") || options.RewardForm != RewardForm.AuthorsCode) return;
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"kwarg lambda = {kwargs.Get("lambda", 0.0)} has no effect with the authors' reward form (reward = authors, also the default of preset = authors): it is −10.5·min(PPL/PPL0 − 1, D) + (10 − p)/10, whose compute term (10 − p)/10 has no λ; drop lambda, or choose reward = normalised or paper."));
    }

    /// <summary>The case's range with the ends given by <c>sigma_min</c>, <c>sigma_max</c>, <c>shape_min</c>, <c>shape_max</c> replaced; null when none is given.</summary>
    private static ChannelRange? ExplicitRange(EnvKwargs kwargs, ChannelRange caseRange) =>
        RangeKeys.Any(kwargs.ContainsKey)
            ? new ChannelRange(
                kwargs.Get("sigma_min", caseRange.SigmaMin), kwargs.Get("sigma_max", caseRange.SigmaMax),
                kwargs.Get("shape_min", caseRange.ShapeMin), kwargs.Get("shape_max", caseRange.ShapeMax))
            : null;

    private static IChannelDrift? Drift(EnvKwargs kwargs, IChannelDrift? preset)
    {
        double? correlation = kwargs.Get<double?>("drift_correlation", null);
        double? spread = kwargs.Get<double?>("drift_spread", null);
        if (correlation is null && spread is not null)
            throw new ArgumentException($"drift_spread = {spread} was given without drift_correlation; drift is off unless drift_correlation (ρ ∈ [0, 1]) is set too, e.g. drift_correlation = 0.9.");
        return correlation is double rho ? new GaussMarkovDrift(rho, spread ?? DefaultDriftSpread) : preset;
    }

    private static RewardForm ParseReward(string name) => name switch
    {
        "normalised" => RewardForm.Normalised,
        "paper" => RewardForm.PaperRaw,
        "authors" => RewardForm.AuthorsCode,
        _ => throw new ArgumentException($"Unknown reward form '{name}'; expected 'normalised', 'paper' or 'authors'."),
    };
}
