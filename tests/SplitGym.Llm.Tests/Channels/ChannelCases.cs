using SplitGym.Llm.Channels;

namespace SplitGym.Llm.Tests.Channels;

/// <summary>Every channel the library offers (each AWGN scale, each fading granularity, zero-forcing, erasure, quantisation and a composition), by name for theories.</summary>
public static class ChannelCases
{
    /// <summary>m large enough that h = 1 to float32 precision.</summary>
    private const double NoFading = 1e12;

    private static readonly Dictionary<string, ChannelCase> All = new ChannelCase[]
    {
        new("awgn-absolute", new AwgnChannel(3.0), new AwgnChannel(0), IsRandom: true),
        new("awgn-relative", new AwgnChannel(1.5, NoiseScale.RelativeToSignal), new AwgnChannel(0, NoiseScale.RelativeToSignal), IsRandom: true),
        Fading("nakagami-per-element", FadingGranularity.PerElement, Equalization.None),
        Fading("nakagami-per-token", FadingGranularity.PerToken, Equalization.None),
        Fading("nakagami-per-tensor", FadingGranularity.PerTensor, Equalization.None),
        Fading("nakagami-zero-forcing", FadingGranularity.PerElement, Equalization.ZeroForcing),
        new("erasure", new ErasureChannel(0.5), new ErasureChannel(0), IsRandom: true),
        new("quantisation", new QuantizationChannel(2), new QuantizationChannel(16), IsRandom: false),
        new("quantisation+nakagami+awgn",
            new CompositeChannel(new QuantizationChannel(4), new NakagamiChannel(1, 0.5, FadingGranularity.PerToken), new AwgnChannel(1.0)),
            new CompositeChannel(new QuantizationChannel(16), new NakagamiChannel(NoFading, 0, FadingGranularity.PerToken), new AwgnChannel(0)),
            IsRandom: true),
    }.ToDictionary(channel => channel.Name);

    public static TheoryData<string> Names() => [.. All.Keys];

    public static ChannelCase Get(string name) => All[name];

    private static ChannelCase Fading(string name, FadingGranularity granularity, Equalization equalization) =>
        new(name,
            new NakagamiChannel(0.5, 2.0, granularity, equalization: equalization),
            new NakagamiChannel(NoFading, 0, granularity, equalization: equalization),
            IsRandom: true);
}
