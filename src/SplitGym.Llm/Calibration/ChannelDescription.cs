using System.Text.Json.Serialization;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// The channel variant a calibration file was measured with. One file holds one variant, because
/// the axes mean different things per variant (σ and Nakagami m, or erasure probability q).
/// </summary>
/// <param name="Variant"><see cref="NakagamiAwgn"/> (<c>ŷ = h ⊙ y + n</c>) or <see cref="Erasure"/>
/// (each element zeroed with probability q, no rescaling, as in the authors' released code).</param>
/// <param name="NoiseScale">Nakagami-AWGN only: <c>absolute</c> (σ in hidden-state units) or
/// <c>relative-to-signal</c> (σ · RMS(y)); null for erasure.</param>
/// <param name="FadingGranularity">Nakagami-AWGN only: <c>per-element</c>, <c>per-token</c> or
/// <c>per-tensor</c>; null for erasure.</param>
/// <param name="Equalisation">Nakagami-AWGN only: <c>none</c> or <c>zero-forcing</c> (ŷ/h); null for erasure.</param>
public sealed record ChannelDescription(string Variant, string? NoiseScale, string? FadingGranularity, string? Equalisation)
{
    /// <summary>Variant name of Nakagami-m fading with additive white Gaussian noise.</summary>
    public const string NakagamiAwgn = "nakagami-awgn";

    /// <summary>Variant name of element erasure with probability q.</summary>
    public const string Erasure = "erasure";

    /// <summary>The known variant names.</summary>
    public static readonly IReadOnlyList<string> Variants = [NakagamiAwgn, Erasure];

    /// <summary>The known noise scales.</summary>
    public static readonly IReadOnlyList<string> NoiseScales = ["absolute", "relative-to-signal"];

    /// <summary>The known fading granularities.</summary>
    public static readonly IReadOnlyList<string> FadingGranularities = ["per-element", "per-token", "per-tensor"];

    /// <summary>The known receiver equalisations.</summary>
    public static readonly IReadOnlyList<string> Equalisations = ["none", "zero-forcing"];

    /// <summary>The default channel of SplitGym: per-element Nakagami fading, absolute-σ AWGN, no equalisation.</summary>
    public static ChannelDescription DefaultNakagami { get; } = new(NakagamiAwgn, "absolute", "per-element", "none");

    /// <summary>The erasure channel of the authors' released code.</summary>
    public static ChannelDescription DefaultErasure { get; } = new(Erasure, null, null, null);

    /// <summary>True for the erasure variant, whose intensity axis is q and whose shape axis is a single placeholder.</summary>
    [JsonIgnore]
    public bool IsErasure => Variant == Erasure;

    internal void Validate()
    {
        Require.OneOf(Variant, Variants, "channel.variant");
        if (IsErasure)
        {
            if (NoiseScale is not null || FadingGranularity is not null || Equalisation is not null)
                throw new InvalidDataException("channel: the erasure variant has no noiseScale, fadingGranularity or equalisation; they must be null.");
            return;
        }
        Require.OneOf(NoiseScale, NoiseScales, "channel.noiseScale");
        Require.OneOf(FadingGranularity, FadingGranularities, "channel.fadingGranularity");
        Require.OneOf(Equalisation, Equalisations, "channel.equalisation");
    }
}
