using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Tests;

public class SplitInferenceValidationTests
{
    private static string Fails(SplitInferenceOptions options) =>
        Assert.ThrowsAny<ArgumentException>(() => new SplitInferenceEnv(SyntheticTable.Backend(), options)).Message;

    [Fact]
    public void SplitMinAboveSplitMaxIsRejected() =>
        Assert.Contains("Split range [5, 3]", Fails(new SplitInferenceOptions { SplitMin = 5, SplitMax = 3 }));

    [Fact]
    public void SplitMaxBeyondTheModelIsRejected() =>
        Assert.Contains("pMax ≤ 11", Fails(new SplitInferenceOptions { SplitMax = 12 }));

    [Fact]
    public void ZeroMoveIsRejected() => Assert.Contains("K (kwarg k) = 0", Fails(new SplitInferenceOptions { MaxMove = 0 }));

    [Fact]
    public void NegativeLambdaIsRejected() => Assert.Contains("λ (kwarg lambda) = -1", Fails(new SplitInferenceOptions { Lambda = -1 }));

    [Fact]
    public void NegativeSigmaRangeIsRejected() =>
        Assert.Contains("σ range [-0.1, 0.2]", Fails(new SplitInferenceOptions { ChannelRange = new ChannelRange(-0.1, 0.2, 1, 2) }));

    [Fact]
    public void RangeOutsideTheTableIsRejected() =>
        Assert.Contains("outside what the table backend covers", Fails(new SplitInferenceOptions { ChannelRange = new ChannelRange(0, 5, 1, 2) }));

    [Fact]
    public void BadDriftIsRejected() =>
        Assert.Contains("correlation", Fails(new SplitInferenceOptions { Drift = new GaussMarkovDrift(1.5, 0.1) }));

    [Fact]
    public void TableFromADifferentModelIsRejected()
    {
        var message = Assert.Throws<ArgumentException>(() => new Backends.TableBackend(SyntheticTable.Build(), new double[5])).Message;
        Assert.Contains("different model", message);
    }

    [Fact]
    public void UnknownRenderModeIsRejected() =>
        Assert.Contains("'rgb_array'", Assert.Throws<ArgumentException>(() => new SplitInferenceEnv(SyntheticTable.Backend(), renderMode: "rgb_array")).Message);
}
