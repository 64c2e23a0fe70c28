using SplitGym.Core;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;
using SplitGym.Envs.Rewards;

namespace SplitGym.Envs.Tests;

/// <summary>Every keyword argument of the registered ids reaches the env, and every bad value fails naming the value and the expected range.</summary>
public sealed class SplitInferenceKwargsTests : IDisposable
{
    private readonly TestModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SplitInferenceEnv Make(Dictionary<string, object?> kwargs, string id = SplitInferenceRegistration.DefaultId) =>
        (SplitInferenceEnv)_folder.Make(id, kwargs).Unwrapped;

    private static Dictionary<string, object?> At(double sigma, double shape, int split) => new() { ["sigma"] = sigma, ["shape"] = shape, ["split"] = split };

    [Fact]
    public void PaperRewardLambdaAndCapKwargsGiveThePapersFormula()
    {
        using var env = Make(new() { ["backend"] = "table-deterministic", ["reward"] = "paper", ["lambda"] = 0.7, ["max_degradation"] = 0.8 });
        Assert.Equal((RewardForm.PaperRaw, 0.7, 0.8), (env.Options.RewardForm, env.Options.Lambda, env.Options.MaxDegradation));
        foreach (var (sigma, split) in new[] { (0.1, 9), (0.8, 1) })
        {
            env.Reset(seed: 0, At(sigma, 2.0, split));
            var step = env.Step(1);
            double ppl = SyntheticTable.Law(split, sigma, 2.0);
            Assert.Equal(-(Math.Min(ppl, 1.8 * SyntheticTable.Clean) + 0.7 * env.Backend.ComputeShare(split)), step.Reward, 1e-9);
        }
    }

    [Fact]
    public void SplitBoundsAndKKwargsShapeTheSpaces()
    {
        using var env = Make(new() { ["split_min"] = 3, ["split_max"] = 6, ["k"] = 4 });
        Assert.Equal(9, ((Core.Spaces.Discrete)env.ActionSpace).N);
        var box = (Core.Spaces.Box<float>)env.ObservationSpace;
        Assert.Equal((3f, 6f), (box.Low[2], box.High[2]));
        env.Reset(seed: 1);
        env.Step(8);
        Assert.Equal(6, env.Split);
        env.Step(0);
        Assert.Equal(3, env.Split);
    }

    [Fact]
    public void DriftKwargsBuildGaussMarkovDriftAndASpreadAloneIsAnError()
    {
        using (var both = Make(new() { ["drift_correlation"] = 0.5, ["drift_spread"] = 0.3 }))
            Assert.Equal(new GaussMarkovDrift(0.5, 0.3), both.Options.Drift);
        using (var correlationOnly = Make(new() { ["drift_correlation"] = 0.9 }))
            Assert.Equal(new GaussMarkovDrift(0.9, SplitInferenceKwargs.DefaultDriftSpread), correlationOnly.Options.Drift);
        var message = Assert.Throws<ArgumentException>(() => Make(new() { ["drift_spread"] = 0.3 })).Message;
        Assert.Contains("drift_spread = 0.3", message);
        Assert.Contains("without drift_correlation", message);
    }

    [Fact]
    public void PresetKwargStartsFromTheAuthorsSetupAndOtherKwargsOverrideIt()
    {
        using var env = Make(new() { ["preset"] = "authors", ["variant"] = "erasure" });
        Assert.Equal(SplitInferencePresets.Authors, env.Options);
        using var overridden = Make(new() { ["preset"] = "authors", ["variant"] = "erasure", ["k"] = 2, ["drift_correlation"] = 1.0 });
        Assert.Equal(SplitInferencePresets.Authors with { MaxMove = 2, Drift = new GaussMarkovDrift(1.0, SplitInferenceKwargs.DefaultDriftSpread) }, overridden.Options);
    }

    [Fact]
    public void CaseWithTheAuthorsPresetIsRefusedNamingTheFixedRange()
    {
        foreach (var make in new Func<SplitInferenceEnv>[]
        {
            () => Make(new() { ["preset"] = "authors", ["variant"] = "erasure", ["case"] = "L" }),
            () => Make(new() { ["preset"] = "authors", ["variant"] = "erasure" }, SplitInferenceRegistration.CaseId(ChannelCase.High, 1)),
        })
        {
            var message = Assert.Throws<ArgumentException>(make).Message;
            Assert.Contains("case = '", message);
            Assert.Contains("preset = authors", message);
            Assert.Contains("σ ∈ [0.01, 0.3]", message);
        }
        using var explicitRange = Make(new() { ["preset"] = "authors", ["variant"] = "erasure", ["sigma_max"] = 0.2 });
        Assert.Equal(new ChannelRange(0.01, 0.2, 0, 0), explicitRange.ChannelRange);
    }

    [Theory]
    [InlineData("reward", "authors", null)]
    [InlineData("preset", "authors", "erasure")]
    public void LambdaWithTheAuthorsRewardIsRefusedBecauseThatFormHasNoLambda(string key, string value, string? variant)
    {
        var kwargs = new Dictionary<string, object?> { [key] = value, ["variant"] = variant ?? "nakagami-awgn" };
        using (var withoutLambda = Make(kwargs))
            Assert.Equal(RewardForm.AuthorsCode, withoutLambda.Options.RewardForm);
        kwargs["lambda"] = 0.3;
        var message = Assert.Throws<ArgumentException>(() => Make(kwargs)).Message;
        Assert.Contains("lambda = 0.3", message);
        Assert.Contains("authors' reward form", message);
        Assert.Contains("no λ", message);
    }

    [Fact]
    public void TableKwargUsesTheGivenFileOfTheseWeights()
    {
        string sha = new ModelAssets(_folder.Path).WeightsSha256();
        string path = Path.Combine(_folder.Path, "doubled.json");
        SyntheticTable.Build(sha, (p, sigma, m) => 2 * SyntheticTable.Law(p, sigma, m)).Save(path);
        using var env = Make(new() { ["backend"] = "table-deterministic", ["table"] = path });
        env.Reset(seed: 0, At(0.4, 2.0, 5));
        Assert.Equal(2 * SyntheticTable.Law(5, 0.4, 2.0), (double)env.Step(1).Info[SplitInferenceInfo.Perplexity]!, 9);
    }

    [Fact]
    public void TableKwargOfOtherWeightsIsRefusedNamingBothHashes()
    {
        string path = Path.Combine(_folder.Path, "other-weights.json");
        var foreign = SyntheticTable.Build();
        foreign.Save(path);
        var message = Assert.Throws<InvalidDataException>(() => Make(new() { ["table"] = path })).Message;
        Assert.Contains(foreign.Model.Sha256, message);
        Assert.Contains(new ModelAssets(_folder.Path).WeightsSha256(), message);
        Assert.Contains("different model", message);
    }

    [Fact]
    public void ChannelRangeKwargsReplaceTheCaseRange()
    {
        using var env = Make(new() { ["sigma_min"] = 0.1, ["sigma_max"] = 0.3, ["shape_min"] = 1, ["shape_max"] = 2 });
        Assert.Equal(new ChannelRange(0.1, 0.3, 1, 2), env.ChannelRange);
        using var partial = Make(new() { ["sigma_max"] = 0.5 }, SplitInferenceRegistration.CaseId(ChannelCase.High, 1));
        Assert.Equal(new ChannelRange(0.2, 0.5, 0.5, 8), partial.ChannelRange);
        for (int seed = 0; seed < 50; seed++)
        {
            var observation = env.Reset(seed).Observation;
            Assert.InRange(observation[0], 0.1f, 0.3f);
            Assert.InRange(observation[1], 1f, 2f);
        }
    }

    [Theory]
    [InlineData("k", 0, "K (kwarg k) = 0", "K ≥ 1")]
    [InlineData("lambda", -0.5, "λ (kwarg lambda) = -0.5", "λ ≥ 0")]
    [InlineData("max_degradation", 0.0, "(max_degradation) = 0", "> 0")]
    [InlineData("split_min", 0, "[0, 11] (kwargs split_min, split_max)", "1 ≤ pMin ≤ pMax ≤ 11")]
    [InlineData("split_max", 12, "[1, 12]", "pMax ≤ 11")]
    [InlineData("drift_correlation", 1.5, "= 1.5", "ρ ∈ [0, 1]")]
    [InlineData("sigma_min", -1.0, "σ range [-1, 0.8]", "0 ≤ σmin ≤ σmax")]
    [InlineData("sigma_max", 5.0, "σ ∈ [0, 5]", "covers (σ ∈ [0, 0.8]")]
    [InlineData("shape_min", 0.0, "m range [0, 8]", "0 < mmin ≤ mmax")]
    [InlineData("reward", "raw", "'raw'", "'normalised', 'paper' or 'authors'")]
    [InlineData("preset", "paper", "'paper'", "'authors' or none")]
    [InlineData("case", "M", "'M'", "L (low noise), H (high noise) or A (all)")]
    [InlineData("k", "two", "got two", "must be a Int32")]
    [InlineData("variant", "awgn", "'awgn'", "'nakagami-awgn' or 'erasure'")]
    [InlineData("backend", "live", "'live'", "'table' or 'table-deterministic'")]
    public void BadValuesFailNamingTheValueAndTheExpectedRange(string key, object value, string namesValue, string namesExpectation)
    {
        var message = Assert.ThrowsAny<ArgumentException>(() => Make(new() { [key] = value })).Message;
        Assert.Contains(namesValue, message);
        Assert.Contains(namesExpectation, message);
    }

    [Fact]
    public void DriftSpreadOutOfRangeNamesItsValue()
    {
        var message = Assert.ThrowsAny<ArgumentException>(() => Make(new() { ["drift_correlation"] = 0.5, ["drift_spread"] = -1 })).Message;
        Assert.Contains("(drift_spread) = -1", message);
    }
}
