using SplitGym.Core;
using SplitGym.Core.Checking;
using SplitGym.Core.Registration;
using SplitGym.Envs.Registration;
using SplitGym.Llm.Model;

namespace SplitGym.Envs.Tests;

/// <summary>Registry and checker tests on a model folder the test writes itself (config, weights bytes, table).</summary>
public sealed class SplitInferenceRegistrationTests : IDisposable
{
    private readonly TestModelFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Env<float[], int> Make(string id, Dictionary<string, object?>? extra = null) => _folder.Make(id, extra);

    [Fact]
    public void EveryRegisteredIdPassesTheChecker()
    {
        Assert.Equal(11, SplitInferenceRegistration.Ids.Count);
        foreach (var id in SplitInferenceRegistration.Ids)
        {
            foreach (var backend in new[] { "table", "table-deterministic" })
            {
                using var env = Make(id, new() { ["backend"] = backend });
                var warnings = EnvChecker.Check((Env<float[], int>)env.Unwrapped, skipCloseCheck: true);
                // The erasure channel has no fading, so its m coordinate is the constant 0 by design
                // (bounds [0, 0]); the checker rightly notes the equal bounds and nothing else.
                var expected = id == SplitInferenceRegistration.AuthorsId ? 1 : 0;
                Assert.Equal(expected, warnings.Count);
                Assert.All(warnings, w => Assert.Contains("maximum and minimum values are equal", w));
            }
        }
    }

    [Fact]
    public void CaseAndActionSizeComeFromTheId()
    {
        using var env = Make("SplitInference-H-k3-v0");
        var raw = (SplitInferenceEnv)env.Unwrapped;
        Assert.Equal(3, raw.Options.MaxMove);
        Assert.Equal(Channel.ChannelCase.High, raw.Options.Case);
        Assert.Equal(7, ((SplitGym.Core.Spaces.Discrete)env.ActionSpace).N);
    }

    [Fact]
    public void AuthorsPresetReproducesTheirEnvironment()
    {
        using var env = Make(SplitInferenceRegistration.AuthorsId);
        var raw = (SplitInferenceEnv)env.Unwrapped;
        Assert.Equal(9, ((SplitGym.Core.Spaces.Discrete)env.ActionSpace).N);
        var reset = env.Reset(seed: 3);
        Assert.InRange(reset.Observation[0], 0.01f, 0.3f);
        Assert.Equal(0f, reset.Observation[1]);
        Assert.InRange(reset.Observation[2], 1f, 10f);
        double q = raw.Channel.Sigma;
        for (int t = 1; t <= 5; t++)
        {
            int before = raw.Split;
            var step = env.Step(8);
            Assert.Equal(Math.Min(10, before + 4), raw.Split);
            double ppl = (double)step.Info[SplitInferenceInfo.Perplexity]!;
            Assert.Equal(10.5 * (SyntheticTable.Clean - ppl) / SyntheticTable.Clean + (10 - raw.Split) / 10.0, step.Reward, 9);
            double factor = raw.Channel.Sigma / q;
            Assert.InRange(factor, 0.9995 - 1e-12, 1.002 + 1e-12);
            q = raw.Channel.Sigma;
            Assert.Equal(t == 5, step.Truncated);
        }
    }

    [Fact]
    public void TimeLimitTruncatesAtTheRegisteredLength()
    {
        using var env = Make(SplitInferenceRegistration.DefaultId);
        env.Reset(seed: 1);
        for (int t = 1; t <= SplitInferenceOptions.DefaultEpisodeLength; t++)
        {
            var step = env.Step(1);
            Assert.Equal(t == SplitInferenceOptions.DefaultEpisodeLength, step.Truncated);
        }
    }

    /// <summary>Degradation at σ = 0.4 of a model whose middle splits are fragile: crossing them to the robust last split pays only over long horizons.</summary>
    private static double ValleyDegradation(int split) => split == 1 ? 0.5 : split == SyntheticTable.Layers - 1 ? 0 : 3;

    [Fact]
    public void OverriddenStepLimitKeepsTheOracleExact()
    {
        // From split 1, walking to split 11 costs 9 steps at −3 and then pays 0 instead of −0.5 per step:
        // worth it over 70 steps (−27 against −35), not over the registered 32, so only a 70-step plan is optimal.
        const int steps = 70, start = 1;
        using var folder = new TestModelFolder(nakagami: sha => SyntheticTable.Build(sha, (p, sigma, _) => SyntheticTable.Clean * (1 + ValleyDegradation(p) * sigma * sigma / 0.16)));
        using var env = folder.Make(SplitInferenceRegistration.DefaultId, new() { ["backend"] = "table-deterministic", ["lambda"] = 0.0, ["sigma_min"] = 0.4, ["sigma_max"] = 0.4 }, maxEpisodeSteps: steps);
        double[] rewards = [.. Enumerable.Range(1, SyntheticTable.Layers - 1).Select(p => -ValleyDegradation(p))];
        env.Reset(seed: 4, new Dictionary<string, object?> { ["shape"] = 2.0, ["split"] = start });
        double oracle = 0;
        for (int t = 1; t <= steps; t++)
        {
            var step = env.Step(t % 3);
            oracle += (double)step.Info[SplitInferenceInfo.OracleStepReward]!;
            Assert.Equal(t == steps, step.Truncated);
        }
        Assert.Equal(-27, BruteForcePlans.BestByForwardSearch(rewards, start - 1, 1, steps), 1e-9);
        Assert.Equal(-27, oracle, 1e-9);
    }

    [Fact]
    public void ATableOfOtherWeightsIsRefused()
    {
        File.WriteAllBytes(Path.Combine(_folder.Path, ModelAssets.WeightsFile), [9, 9, 9]);
        var error = Assert.Throws<InvalidDataException>(() => Make(SplitInferenceRegistration.DefaultId));
        Assert.Contains("different model", error.Message);
    }

    [Fact]
    public void BadKwargsFailClearly()
    {
        Assert.Contains("'quantum'", Assert.Throws<ArgumentException>(() => Make(SplitInferenceRegistration.DefaultId, new() { ["backend"] = "quantum" })).Message);
        Assert.Contains("'Z'", Assert.Throws<ArgumentException>(() => Make(SplitInferenceRegistration.DefaultId, new() { ["case"] = "Z" })).Message);
        Assert.Contains("'colour'", Assert.Throws<ArgumentException>(() => Make(SplitInferenceRegistration.DefaultId, new() { ["colour"] = "red" })).Message);
        Assert.Contains("does not exist", Assert.Throws<DirectoryNotFoundException>(() => _folder.Registry.Make(SplitInferenceRegistration.DefaultId, new Dictionary<string, object?> { ["model_dir"] = "/nonexistent/model" })).Message);
    }
}
