using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using SplitGym.Core;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;
using SplitGym.Llm.Calibration;

namespace SplitGym.Envs.Rewards;

/// <summary>
/// Warns when the reward's cap on the perplexity degradation binds for a noisy table. The reward caps
/// each noisy measurement, <c>min(PPL/PPL_clean − 1, D)</c>, while the oracle split, the oracle reward,
/// the regret and <see cref="SplitInferenceEnv.OptimalReturn"/> use the capped reward of the expected
/// perplexity; the two differ exactly where a measurement can exceed the cap (the expected capped reward
/// is then lower), so those scores are exact only while the cap does not bind. The shipped tables peak
/// at 7.99× clean, below the default cap of 11×; another table may not.
/// </summary>
internal static class CapBindingCheck
{
    private static readonly ConditionalWeakTable<PerplexityTable, ConcurrentDictionary<string, bool>> Checked = [];

    /// <summary>
    /// Once per table and setting, finds the largest expected perplexity over the allowed splits at the
    /// table's knots inside <paramref name="range"/> and at the range's ends (the interpolation never
    /// overshoots its knots, so that is where the largest value is) and emits an <see cref="EnvWarnings"/>
    /// warning when it exceeds the cap <c>D + 1</c> times the clean perplexity. Deterministic tables and
    /// other backends are not checked: without measurement noise the capped expectation is exact.
    /// </summary>
    public static void CheckOnce(IRewardBackend backend, ChannelRange range, int splitMin, int splitMax, double maxDegradation)
    {
        if (backend is not TableBackend { Deterministic: false } table) return;
        string setting = string.Create(CultureInfo.InvariantCulture, $"{range.SigmaMin}|{range.SigmaMax}|{range.ShapeMin}|{range.ShapeMax}|{splitMin}|{splitMax}|{maxDegradation}");
        if (!Checked.GetOrCreateValue(table.Table).TryAdd(setting, true)) return;
        var peak = Peak(table, range, splitMin, splitMax);
        double ratio = peak.Perplexity / table.CleanPerplexity;
        if (ratio <= maxDegradation + 1) return;
        var model = table.Table.Model;
        EnvWarnings.Emit(string.Create(CultureInfo.InvariantCulture,
            $"Table of model '{model.Name}' ({table.Table.Channel.Variant}, weights {model.Sha256[..12]}…): the expected perplexity reaches {peak.Perplexity:G4} = {ratio:0.##}× clean at p = {peak.Split}, σ = {peak.Channel.Sigma:G4}, m = {peak.Channel.Shape:G4} inside the channel range, above the reward's cap of {maxDegradation + 1:G4}× clean (max_degradation = {maxDegradation:G4}). ")
            + "Where the cap binds, the reward caps each noisy measurement while oracle_split, oracle_reward, regret and OptimalReturn use the capped reward of the expected perplexity, so they are exact only where the cap does not bind; "
            + string.Create(CultureInfo.InvariantCulture, $"raise max_degradation above {ratio - 1:0.##} to keep them exact, or use backend = table-deterministic."));
    }

    private static (double Perplexity, int Split, ChannelState Channel) Peak(TableBackend table, ChannelRange range, int splitMin, int splitMax)
    {
        var bySplit = new double[table.NumLayers + 1];
        var peak = (Perplexity: double.NegativeInfinity, Split: splitMin, Channel: new ChannelState(range.SigmaMin, range.ShapeMin));
        foreach (double sigma in PointsWithin(table.Table.Intensities, range.SigmaMin, range.SigmaMax))
        {
            foreach (double shape in PointsWithin(table.Table.Shapes, range.ShapeMin, range.ShapeMax))
            {
                var channel = new ChannelState(sigma, shape);
                table.ExpectedPerplexities(channel, bySplit);
                for (int split = splitMin; split <= splitMax; split++)
                    if (bySplit[split] > peak.Perplexity) peak = (bySplit[split], split, channel);
            }
        }
        return peak;
    }

    /// <summary>The ends of [<paramref name="low"/>, <paramref name="high"/>] and the knots strictly inside it.</summary>
    private static IEnumerable<double> PointsWithin(IReadOnlyList<double> knots, double low, double high) =>
        knots.Where(k => k > low && k < high).Prepend(low).Append(high).Distinct();
}
