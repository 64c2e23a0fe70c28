using SplitGym.Envs.Registration;

namespace SplitGym.Envs.Tests;

/// <summary>On a user's own table the env checks once whether the cases L and H call for different splits, and warns when not.</summary>
public class CaseSeparationTests
{
    /// <summary>Warnings about <paramref name="folder"/> emitted while <paramref name="action"/> runs (other tests may warn concurrently).</summary>
    private static List<string> WarningsAbout(TestModelFolder folder, Action action) =>
        WarningCapture.During(message => message.Contains(folder.Path, StringComparison.Ordinal), action);

    private static void MakeAndClose(TestModelFolder folder, Dictionary<string, object?>? kwargs = null) =>
        folder.Make(SplitInferenceRegistration.DefaultId, kwargs).Dispose();

    [Fact]
    public void SplitIndependentTableWarnsOnceNamingTheRangesAndTheKwargs()
    {
        // Perplexity that does not depend on the split: the cheapest split is best in every channel.
        using var folder = new TestModelFolder(nakagami: sha => SyntheticTable.Build(sha, (_, sigma, shape) => SyntheticTable.Law(1, sigma, shape)));
        var warnings = WarningsAbout(folder, () => { MakeAndClose(folder); MakeAndClose(folder); });
        var warning = Assert.Single(warnings);
        Assert.Contains("do not separate", warning);
        Assert.Contains("p* = 1", warning);
        Assert.Contains("σ ∈ [0, 0.12]", warning);
        Assert.Contains("σ ∈ [0.2, 0.8]", warning);
        Assert.Contains("sigma_min and sigma_max", warning);
    }

    [Fact]
    public void SeparatingTableAndExplicitRangesDoNotWarn()
    {
        using var folder = new TestModelFolder();
        Assert.Empty(WarningsAbout(folder, () => MakeAndClose(folder, new() { ["lambda"] = 0.3 })));
        using var flat = new TestModelFolder(nakagami: sha => SyntheticTable.Build(sha, (_, sigma, shape) => SyntheticTable.Law(1, sigma, shape)));
        Assert.Empty(WarningsAbout(flat, () => MakeAndClose(flat, new() { ["sigma_min"] = 0.0, ["sigma_max"] = 0.8 })));
    }
}
