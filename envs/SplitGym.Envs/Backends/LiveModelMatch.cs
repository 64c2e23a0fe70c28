using SplitGym.Llm.Calibration;

namespace SplitGym.Envs.Backends;

/// <summary>
/// Refuses a live backend whose expectations belong to another checkpoint or channel: the oracle and
/// the regret come from those expectations while the rewards come from the live model, so a table of
/// other weights would score the agent against the wrong problem without any error.
/// </summary>
internal static class LiveModelMatch
{
    /// <summary>
    /// Throws unless the evaluator's layer count equals the expectations' and, when the expectations are a
    /// table, the evaluator's stated weights and channel (where known) equal the table's recorded ones.
    /// </summary>
    /// <exception cref="ArgumentException">A mismatch; the message names both sides.</exception>
    public static void Require(ICellEvaluator evaluator, IRewardBackend expectations)
    {
        if (evaluator.NumLayers is int layers && layers != expectations.NumLayers)
            throw new ArgumentException($"The live backend's evaluator runs a {layers}-layer model, but its expectations backend '{expectations.Name}' describes a {expectations.NumLayers}-layer model: the expected perplexities behind the oracle and the regret belong to another checkpoint; pass the table calibrated on this checkpoint (`splitgym calibrate`).", nameof(expectations));
        if (expectations is not TableBackend { Table: var table }) return;
        if (evaluator.Model is { } model && !string.Equals(model.Sha256, table.Model.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The live backend's evaluator runs model '{model.Name}' (weights SHA-256 {model.Sha256}), but its expectations table was measured on model '{table.Model.Name}' (weights SHA-256 {table.Model.Sha256}): the table belongs to another checkpoint; recalibrate with `splitgym calibrate`.", nameof(expectations));
        if (evaluator.Channel is { } channel && channel != table.Channel)
            throw new ArgumentException($"The live backend's evaluator applies the channel {Describe(channel)}, but its expectations table was measured with {Describe(table.Channel)}: the table describes another channel; use the table of this channel variant.", nameof(expectations));
    }

    private static string Describe(ChannelDescription channel) =>
        channel.IsErasure ? channel.Variant : $"{channel.Variant} ({channel.NoiseScale} noise, {channel.FadingGranularity} fading, equalisation {channel.Equalisation})";
}
