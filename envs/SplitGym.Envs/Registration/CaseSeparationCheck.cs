using System.Collections.Concurrent;
using System.Globalization;
using SplitGym.Core;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Registration;

/// <summary>
/// Warns when the channel cases L and H pose the same problem on a user's own table. The cases are
/// fixed fractions of the table's σ axis (<see cref="ChannelCases.LowFraction"/>,
/// <see cref="ChannelCases.HighFraction"/>) tuned on the shipped model, where p* = 1 in every L channel
/// and p* = 31 in every H channel; another checkpoint (or another λ) may put its switch elsewhere, and
/// then an agent trained on L learns the same thing as one trained on H.
/// </summary>
internal static class CaseSeparationCheck
{
    /// <summary>Grid over which each case's optimal split is sampled: σ evenly, m log-evenly over the case's range.</summary>
    private const int SigmaPoints = 9, ShapePoints = 5;

    private static readonly ConcurrentDictionary<string, bool> Checked = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks once per process per table and reward setting whether the most common p* of case L
    /// differs from that of case H; emits an <see cref="EnvWarnings"/> warning naming the ranges and
    /// the kwargs that set them explicitly when it does not.
    /// </summary>
    public static void CheckOnce(IRewardBackend backend, SplitInferenceOptions options, string source)
    {
        string key = string.Create(CultureInfo.InvariantCulture,
            $"{source}|{options.Lambda}|{options.RewardForm}|{options.MaxDegradation}|{options.SplitMin}|{options.SplitMax}");
        if (!Checked.TryAdd(key, true)) return;
        var (low, lowRange) = TypicalOptimalSplit(backend, options, ChannelCase.Low);
        var (high, highRange) = TypicalOptimalSplit(backend, options, ChannelCase.High);
        if (low != high) return;
        EnvWarnings.Emit(string.Create(CultureInfo.InvariantCulture,
            $"The channel cases L and H do not separate for the table '{source}': with λ = {options.Lambda} the most common optimal split is p* = {low} both in case L (σ ∈ [{lowRange.SigmaMin:G4}, {lowRange.SigmaMax:G4}]) and in case H (σ ∈ [{highRange.SigmaMin:G4}, {highRange.SigmaMax:G4}]), because the cases are fixed fractions ({ChannelCases.LowFraction} and {ChannelCases.HighFraction}) of the σ axis tuned on the shipped model. ")
            + "Set the channel range explicitly with the kwargs sigma_min and sigma_max (and shape_min, shape_max), or choose λ for this table with `splitgym calibrate plot` (docs/calibration.md).");
    }

    private static (int Split, ChannelRange Range) TypicalOptimalSplit(IRewardBackend backend, SplitInferenceOptions options, ChannelCase channelCase)
    {
        using var env = new SplitInferenceEnv(backend, options with { Case = channelCase, ChannelRange = null, Drift = null });
        var range = env.ChannelRange;
        var counts = new SortedDictionary<int, int>();
        for (int i = 0; i < SigmaPoints; i++)
        {
            for (int j = 0; j < ShapePoints; j++)
            {
                var channel = range.At(i / (SigmaPoints - 1.0), j / (ShapePoints - 1.0));
                env.Reset(seed: 0, new Dictionary<string, object?> { ["sigma"] = channel.Sigma, ["shape"] = channel.Shape });
                counts[env.OracleSplit] = counts.GetValueOrDefault(env.OracleSplit) + 1;
            }
        }
        return (counts.MaxBy(pair => pair.Value).Key, range);
    }
}
