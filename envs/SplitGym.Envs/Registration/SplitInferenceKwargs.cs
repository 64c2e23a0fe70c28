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
/// <list type="table">
/// <item><term><c>preset</c></term><description><c>authors</c> starts from <see cref="SplitInferencePresets.Authors"/> instead of the defaults.</description></item>
/// <item><term><c>backend</c></term><description><c>table</c> (default), <c>table-deterministic</c>.</description></item>
/// <item><term><c>variant</c></term><description>Channel variant of the table: <c>nakagami-awgn</c> (default) or <c>erasure</c>.</description></item>
/// <item><term><c>model_dir</c></term><description>Checkpoint folder with its tables; default the shipped tiny LLaMA.</description></item>
/// <item><term><c>table</c></term><description>Explicit table file (must belong to <c>model_dir</c>'s weights).</description></item>
/// <item><term><c>case</c></term><description><c>L</c>, <c>H</c> or <c>A</c>.</description></item>
/// <item><term><c>k</c></term><description>Largest move K (action space 2K + 1).</description></item>
/// <item><term><c>lambda</c>, <c>reward</c>, <c>max_degradation</c></term><description>Reward weight, form (<c>normalised</c>, <c>paper</c>, <c>authors</c>) and cap on PPL/PPL_clean − 1.</description></item>
/// <item><term><c>split_min</c>, <c>split_max</c></term><description>Allowed split range.</description></item>
/// <item><term><c>drift_correlation</c>, <c>drift_spread</c></term><description>Gauss–Markov channel drift (off unless given).</description></item>
/// </list>
/// </remarks>
public static class SplitInferenceKwargs
{
    /// <summary>Builds the env the kwargs describe.</summary>
    public static SplitInferenceEnv Create(EnvKwargs kwargs)
    {
        var backend = Backend(kwargs);
        var options = Options(kwargs);
        return new SplitInferenceEnv(backend, options, kwargs.RenderMode);
    }

    private static IRewardBackend Backend(EnvKwargs kwargs)
    {
        string kind = kwargs.Get("backend", "table");
        string variant = kwargs.Get("variant", ChannelDescription.NakagamiAwgn);
        string? modelDir = kwargs.Get<string?>("model_dir", null);
        string? table = kwargs.Get<string?>("table", null);
        var assets = modelDir is null ? ModelAssets.Default : new ModelAssets(modelDir);
        return kind switch
        {
            "table" => assets.TableBackend(variant, deterministic: false, table),
            "table-deterministic" => assets.TableBackend(variant, deterministic: true, table),
            _ => throw new ArgumentException($"Unknown backend '{kind}'; expected 'table' or 'table-deterministic' (the live backend is built in code with LiveBackend)."),
        };
    }

    private static SplitInferenceOptions Options(EnvKwargs kwargs)
    {
        var start = kwargs.Get("preset", "none") switch
        {
            "none" => new SplitInferenceOptions(),
            "authors" => SplitInferencePresets.Authors,
            var other => throw new ArgumentException($"Unknown preset '{other}'; expected 'authors' or none."),
        };
        double? driftCorrelation = kwargs.Get<double?>("drift_correlation", null);
        return start with
        {
            Case = kwargs.ContainsKey("case") ? ChannelCases.Parse(kwargs.Get("case", "A")) : start.Case,
            MaxMove = kwargs.Get("k", start.MaxMove),
            Lambda = kwargs.Get("lambda", start.Lambda),
            RewardForm = kwargs.ContainsKey("reward") ? ParseReward(kwargs.Get("reward", "normalised")) : start.RewardForm,
            MaxDegradation = kwargs.Get("max_degradation", start.MaxDegradation),
            SplitMin = kwargs.Get("split_min", start.SplitMin),
            SplitMax = kwargs.Get("split_max", start.SplitMax),
            Drift = driftCorrelation is double rho ? new GaussMarkovDrift(rho, kwargs.Get("drift_spread", 0.1)) : start.Drift,
        };
    }

    private static RewardForm ParseReward(string name) => name switch
    {
        "normalised" => RewardForm.Normalised,
        "paper" => RewardForm.PaperRaw,
        "authors" => RewardForm.AuthorsCode,
        _ => throw new ArgumentException($"Unknown reward form '{name}'; expected 'normalised', 'paper' or 'authors'."),
    };
}
