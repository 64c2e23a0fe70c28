using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Envs;

/// <summary>Checks <see cref="SplitInferenceOptions"/> against a backend, with an error that names the bad value and what was expected.</summary>
internal static class SplitInferenceValidation
{
    /// <summary>Returns <paramref name="options"/> unchanged when consistent; throws otherwise.</summary>
    public static SplitInferenceOptions Validate(IRewardBackend backend, SplitInferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(backend);
        int layers = backend.NumLayers;
        int splitMax = options.SplitMax ?? layers - 1;
        if (options.MaxMove < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxMove, $"MaxMove K (kwarg k) = {options.MaxMove} is invalid; expected K ≥ 1 (action space 2K + 1).");
        if (options.SplitMin < 1 || splitMax > layers - 1 || options.SplitMin > splitMax)
            throw new ArgumentOutOfRangeException(nameof(options), $"Split range [{options.SplitMin}, {splitMax}] (kwargs split_min, split_max) is invalid; expected 1 ≤ pMin ≤ pMax ≤ {layers - 1} for a {layers}-layer model.");
        if (!(options.Lambda >= 0) || !double.IsFinite(options.Lambda))
            throw new ArgumentOutOfRangeException(nameof(options), options.Lambda, $"λ (kwarg lambda) = {options.Lambda} is invalid; expected a finite λ ≥ 0.");
        if (!(options.MaxDegradation > 0) || !double.IsFinite(options.MaxDegradation))
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegradation, $"MaxDegradation (max_degradation) = {options.MaxDegradation} is invalid; expected a finite cap > 0 on PPL/PPL_clean − 1.");
        if (options.EpisodeLength < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.EpisodeLength, $"EpisodeLength = {options.EpisodeLength} is invalid; expected at least 1 step.");
        options.Drift?.Validated();
        var range = (options.ChannelRange ?? ChannelCases.RangeOf(options.Case, backend.Coverage)).Validated("episode channel (kwargs sigma_min, sigma_max, shape_min, shape_max)");
        if (!backend.Coverage.Covers(range))
            throw new ArgumentOutOfRangeException(nameof(options), $"Channel range σ ∈ [{range.SigmaMin}, {range.SigmaMax}], m ∈ [{range.ShapeMin}, {range.ShapeMax}] is outside what the {backend.Name} backend covers (σ ∈ [{backend.Coverage.SigmaMin}, {backend.Coverage.SigmaMax}], m ∈ [{backend.Coverage.ShapeMin}, {backend.Coverage.ShapeMax}]).");
        return options;
    }
}
