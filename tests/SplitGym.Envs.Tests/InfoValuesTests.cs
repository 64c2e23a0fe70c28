using SplitGym.Envs.Registration;
using SplitGym.Llm.Model;

namespace SplitGym.Envs.Tests;

/// <summary>The values of the info keys, against quantities computed here from the table's law and the config.</summary>
public class InfoValuesTests
{
    private const double Lambda = 0.35;

    private static double Info(IReadOnlyDictionary<string, object?> info, string key) => (double)info[key]!;

    [Fact]
    public void CleanPerplexityComputeShareAndOracleRewardAreTheTablesAndTheLaws()
    {
        using var env = new SplitInferenceEnv(SyntheticTable.Backend(deterministic: true), new SplitInferenceOptions { Lambda = Lambda });
        var rewards = SyntheticTable.LawRewards(0.4, 2.0, Lambda);
        int best = Array.IndexOf(rewards, rewards.Max()) + 1;
        var reset = env.Reset(seed: 1, new Dictionary<string, object?> { ["sigma"] = 0.4, ["shape"] = 2.0, ["split"] = 2 });
        Assert.Equal(SyntheticTable.Clean, Info(reset.Info, SplitInferenceInfo.CleanPerplexity));
        Assert.Equal(SyntheticTable.ComputeShares()[2], Info(reset.Info, SplitInferenceInfo.ComputeShare));
        Assert.Equal(best, Info(reset.Info, SplitInferenceInfo.OracleSplit));
        Assert.Equal(rewards.Max(), Info(reset.Info, SplitInferenceInfo.OracleReward), 1e-9);
        foreach (int action in new[] { 2, 2, 0, 1 })
        {
            var step = env.Step(action);
            Assert.Equal(SyntheticTable.Clean, Info(step.Info, SplitInferenceInfo.CleanPerplexity));
            Assert.Equal(SyntheticTable.ComputeShares()[env.Split], Info(step.Info, SplitInferenceInfo.ComputeShare));
            Assert.Equal(rewards.Max(), Info(step.Info, SplitInferenceInfo.OracleReward), 1e-9);
            Assert.Equal(rewards[env.Split - 1], Info(step.Info, SplitInferenceInfo.ExpectedReward), 1e-9);
            Assert.Equal(rewards.Max() - rewards[env.Split - 1], Info(step.Info, SplitInferenceInfo.Regret), 1e-9);
        }
    }

    /// <summary>
    /// A table query stands for one run of the real split model, so every step reports exactly one
    /// live-equivalent evaluation and an episode's sum (what the agents' evaluator adds up) is its length.
    /// </summary>
    [Theory]
    [InlineData("table")]
    [InlineData("table-deterministic")]
    public void TableBackendReportsOneLiveEquivalentEvaluationPerStep(string backend)
    {
        using var folder = new TestModelFolder();
        using var env = folder.Make(SplitInferenceRegistration.DefaultId, new() { ["backend"] = backend });
        var table = ((SplitInferenceEnv)env.Unwrapped).Backend;
        Assert.Equal(0.0, Info(env.Reset(seed: 4).Info, SplitInferenceInfo.LiveEvaluations));
        double summed = 0;
        int steps = 0;
        for (bool truncated = false; !truncated; steps++)
        {
            var step = env.Step(steps % 3);
            Assert.Equal(1.0, Info(step.Info, SplitInferenceInfo.LiveEvaluations));
            summed += Info(step.Info, SplitInferenceInfo.LiveEvaluations);
            truncated = step.Truncated;
        }
        Assert.Equal(SplitInferenceOptions.DefaultEpisodeLength, steps);
        Assert.Equal(steps, summed);
        Assert.Equal(steps, table.LiveEvaluations);
    }

    /// <summary>C_UE(p) of a LLaMA config, from the per-token FLOP counts of docs (FlopModel's list), written out independently.</summary>
    private static double FlopShare(LlamaConfig c, int headSize, int window, int split)
    {
        double d = c.HiddenSize, h = c.NumAttentionHeads, q = h * headSize, kv = (c.NumKeyValueHeads ?? c.NumAttentionHeads) * headSize;
        double i = c.IntermediateSize, keys = (window + 1) / 2.0;
        double attention = 4 * d * q + 4 * d * kv + 3 * (q + kv) + 4 * q * keys + 5 * h * keys;
        double layer = 8 * d + attention + 2 * d + 6 * d * i + 5 * i;
        double total = d + c.NumHiddenLayers * layer + 4 * d + 2 * d * c.VocabSize;
        return (d + split * layer) / total;
    }

    [Fact]
    public void ComputeShareHonoursAnExplicitHeadDim()
    {
        var config = TestModelFolder.DefaultConfig with { HeadDimOverride = 16, NumKeyValueHeads = 2 };
        using var folder = new TestModelFolder(config);
        using var env = folder.Make(SplitInferenceRegistration.DefaultId, new() { ["backend"] = "table-deterministic" });
        int window = ((SplitInferenceEnv)env.Unwrapped).Backend is Backends.TableBackend table ? table.Table.Evaluation.Window : -1;
        foreach (int split in new[] { 1, 5, SyntheticTable.Layers - 1 })
        {
            var reset = env.Reset(seed: 0, new Dictionary<string, object?> { ["split"] = split });
            double share = Info(reset.Info, SplitInferenceInfo.ComputeShare);
            Assert.Equal(FlopShare(config, 16, window, split), share, 1e-12);
            Assert.NotEqual(FlopShare(config, config.HiddenSize / config.NumAttentionHeads, window, split), share, 1e-6);
        }
    }
}
