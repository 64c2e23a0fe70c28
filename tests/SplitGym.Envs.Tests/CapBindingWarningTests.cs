using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;

namespace SplitGym.Envs.Tests;

/// <summary>
/// The env warns once when a noisy table's expected perplexity inside the channel range exceeds the
/// reward's cap, where the oracle and the regret stop being exact. The synthetic law peaks at
/// p = 2, σ = 0.8, m = 0.5 among splits ≥ 2 with 1 + (0.8/0.22)²·3 = 40.67× clean.
/// </summary>
public class CapBindingWarningTests
{
    /// <summary>A cap of 8.25× (D = 7.25) that no other test uses, so concurrent tests' warnings are told apart.</summary>
    private const double Cap = 7.25;

    private static SplitInferenceOptions Options(double cap = Cap, ChannelCase channelCase = ChannelCase.All) =>
        new() { SplitMin = 2, MaxDegradation = cap, Case = channelCase };

    /// <summary>Cap warnings naming the cap <paramref name="cap"/> emitted while <paramref name="action"/> runs.</summary>
    private static List<string> CapWarnings(Action action, double cap = Cap) =>
        WarningCapture.During(message => message.Contains(FormattableString.Invariant($"(max_degradation = {cap})"), StringComparison.Ordinal), action);

    [Fact]
    public void BindingCapWarnsOncePerTableNamingThePeakAndTheFix()
    {
        var backend = SyntheticTable.Backend();
        var warning = Assert.Single(CapWarnings(() =>
        {
            new SplitInferenceEnv(backend, Options()).Dispose();
            new SplitInferenceEnv(backend, Options()).Dispose();
        }));
        Assert.Contains("40.67× clean at p = 2, σ = 0.8, m = 0.5", warning);
        Assert.Contains("cap of 8.25× clean", warning);
        Assert.Contains("exact only where the cap does not bind", warning);
        Assert.Contains("raise max_degradation above 39.67", warning);
    }

    [Fact]
    public void CapAboveThePeakOrOutsideTheRangeOrWithoutNoiseDoesNotWarn()
    {
        Assert.Empty(CapWarnings(() => new SplitInferenceEnv(SyntheticTable.Backend(), Options(cap: 40)).Dispose(), cap: 40));
        // Case L keeps σ ≤ 0.12, where the law stays below 1 + (0.12/0.22)²·3 = 1.9× clean.
        Assert.Empty(CapWarnings(() => new SplitInferenceEnv(SyntheticTable.Backend(), Options(channelCase: ChannelCase.Low)).Dispose()));
        Assert.Empty(CapWarnings(() => new SplitInferenceEnv(SyntheticTable.Backend(deterministic: true), Options()).Dispose()));
    }

    /// <summary>The documented claim (README, docs/calibration.md): the shipped tables peak at 7.99× clean, under the default cap of 11×.</summary>
    [Fact]
    public void ShippedTablesPeakBelowTheDefaultCapAndDoNotWarn()
    {
        var assets = ModelAssets.Default;
        double peak = SplitGym.Llm.Calibration.ChannelDescription.Variants.Select(variant => assets.Table(variant))
            .Max(table => table.Cells.Max(cell => cell.Mean) / table.CleanPerplexity);
        Assert.Equal(7.99, peak, 0.005);
        var registry = SplitInferenceRegistration.RegisterDefaults();
        string shipped = $"Table of model '{assets.Table(SplitGym.Llm.Calibration.ChannelDescription.NakagamiAwgn).Model.Name}'";
        Assert.Empty(WarningCapture.During(message => message.Contains(shipped, StringComparison.Ordinal),
            () => { foreach (var id in SplitInferenceRegistration.Ids) registry.Make(id).Dispose(); }));
    }
}
