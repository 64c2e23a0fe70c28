using SplitGym.Llm.Channels;

namespace SplitGym.Llm.Calibration;

/// <summary>Builds the engine's channel for one cell of a table from the table's channel description.</summary>
public static class CalibrationChannels
{
    /// <summary>The channel at intensity <paramref name="intensity"/> (σ or q) and shape <paramref name="shape"/> (Nakagami m; ignored for erasure).</summary>
    /// <exception cref="InvalidDataException">The description is invalid.</exception>
    public static IChannel Create(ChannelDescription channel, double intensity, double shape)
    {
        channel.Validate();
        if (channel.IsErasure)
            return new ErasureChannel(intensity);
        return new NakagamiChannel(shape, intensity, Granularity(channel.FadingGranularity!), Scale(channel.NoiseScale!), Equalisation(channel.Equalisation!));
    }

    /// <summary>The description of a Nakagami-AWGN channel with the engine's options.</summary>
    public static ChannelDescription Describe(FadingGranularity granularity, NoiseScale scale, Equalization equalization) =>
        new(ChannelDescription.NakagamiAwgn,
            scale == NoiseScale.Absolute ? "absolute" : "relative-to-signal",
            ChannelDescription.FadingGranularities[(int)granularity],
            equalization == Equalization.None ? "none" : "zero-forcing");

    private static FadingGranularity Granularity(string name) =>
        (FadingGranularity)ChannelDescription.FadingGranularities.ToList().IndexOf(name);

    private static NoiseScale Scale(string name) => name == "absolute" ? NoiseScale.Absolute : NoiseScale.RelativeToSignal;

    private static Equalization Equalisation(string name) => name == "none" ? Equalization.None : Equalization.ZeroForcing;
}
