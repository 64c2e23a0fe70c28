using SplitGym.Envs.Channel;
using SplitGym.Envs.Rewards;

namespace SplitGym.Envs.Tests;

public class SplitInferenceEnvTests
{
    private static SplitInferenceEnv Env(SplitInferenceOptions? options = null, bool deterministic = false) =>
        new(SyntheticTable.Backend(deterministic), options);

    [Fact]
    public void SpacesFollowTheDesign()
    {
        using var env = Env(new SplitInferenceOptions { MaxMove = 3 });
        Assert.Equal(7, ((SplitGym.Core.Spaces.Discrete)env.ActionSpace).N);
        var box = (SplitGym.Core.Spaces.Box<float>)env.ObservationSpace;
        Assert.Equal(3, box.Size);
        Assert.Equal([0f, 0.5f, 1f], box.Low.ToArray());
        Assert.Equal([0.8f, 8f, SyntheticTable.Layers - 1], box.High.ToArray());
    }

    [Fact]
    public void RewardMatchesTheDefaultFormulaOnTheMeasuredPerplexity()
    {
        using var env = Env(new SplitInferenceOptions { Lambda = 0.7 });
        env.Reset(seed: 3, options: new Dictionary<string, object?> { ["sigma"] = 0.3, ["shape"] = 2.0, ["split"] = 4 });
        var step = env.Step(2);
        double ppl = (double)step.Info[SplitInferenceInfo.Perplexity]!;
        double expected = -(ppl / SyntheticTable.Clean - 1) - 0.7 * SyntheticTable.ComputeShares()[5];
        Assert.Equal(expected, step.Reward, 12);
        Assert.Equal(5f, step.Observation[2]);
    }

    [Fact]
    public void DeterministicTableReproducesTheLawAtTheKnots()
    {
        using var env = Env(deterministic: true);
        env.Reset(seed: 1, options: new Dictionary<string, object?> { ["sigma"] = 0.4, ["shape"] = 2.0, ["split"] = 3 });
        var step = env.Step(1);
        Assert.Equal(SyntheticTable.Law(3, 0.4, 2.0), (double)step.Info[SplitInferenceInfo.Perplexity]!, 9);
    }

    [Fact]
    public void RegretIsZeroOnTheOracleSplitAndPositiveElsewhere()
    {
        using var env = Env(deterministic: true);
        env.Reset(seed: 5, options: new Dictionary<string, object?> { ["sigma"] = 0.5, ["shape"] = 1.0, ["split"] = 1 });
        int oracle = env.OracleSplit;
        Assert.InRange(oracle, 2, SyntheticTable.Layers - 1);
        for (int i = 0; i < 10; i++)
        {
            int action = env.Split < oracle ? 2 : env.Split > oracle ? 0 : 1;
            var step = env.Step(action);
            double regret = (double)step.Info[SplitInferenceInfo.Regret]!;
            if (env.Split == oracle) Assert.Equal(0, regret);
            else Assert.True(regret > 0, $"Regret {regret} at split {env.Split} off the oracle split {oracle}.");
        }
        Assert.Equal(oracle, env.Split);
    }

    [Fact]
    public void AuthorsRewardFormUsesTheirFormula()
    {
        using var env = Env(new SplitInferenceOptions { RewardForm = RewardForm.AuthorsCode });
        env.Reset(seed: 2, options: new Dictionary<string, object?> { ["split"] = 2 });
        var step = env.Step(1);
        double ppl = (double)step.Info[SplitInferenceInfo.Perplexity]!;
        Assert.Equal(10.5 * (SyntheticTable.Clean - ppl) / SyntheticTable.Clean + (10 - 2) / 10.0, step.Reward, 9);
    }

    [Fact]
    public void CapLimitsThePerplexityTermButNotTheInfo()
    {
        using var env = Env(new SplitInferenceOptions { MaxDegradation = 0.5, Lambda = 0 }, deterministic: true);
        env.Reset(seed: 2, options: new Dictionary<string, object?> { ["sigma"] = 0.8, ["shape"] = 0.5, ["split"] = 1 });
        var step = env.Step(1);
        Assert.Equal(-0.5, step.Reward, 12);
        Assert.True((double)step.Info[SplitInferenceInfo.Perplexity]! > 1.5 * SyntheticTable.Clean);
    }

    [Fact]
    public void LowAndHighCasesHaveDifferentOptimalSplits()
    {
        static double MeanOracle(ChannelCase channelCase)
        {
            using var env = new SplitInferenceEnv(SyntheticTable.Backend(true), new SplitInferenceOptions { Case = channelCase, Lambda = 0.3 });
            double sum = 0;
            for (int seed = 0; seed < 50; seed++)
            {
                env.Reset(seed);
                sum += env.OracleSplit;
            }
            return sum / 50;
        }
        Assert.True(MeanOracle(ChannelCase.High) > MeanOracle(ChannelCase.Low) + 1);
    }

    [Fact]
    public void TableBackendCountsEveryQueryAsALiveEquivalentEvaluation()
    {
        using var env = Env();
        env.Reset(seed: 0);
        for (int i = 0; i < 7; i++) env.Step(1);
        Assert.Equal(7, env.Backend.LiveEvaluations);
    }

    [Fact]
    public void AnsiRenderShowsSplitAndChannel()
    {
        using var env = new SplitInferenceEnv(SyntheticTable.Backend(), renderMode: "ansi");
        env.Reset(seed: 0, options: new Dictionary<string, object?> { ["sigma"] = 0.25, ["shape"] = 2.0, ["split"] = 3 });
        var text = (string)env.Render()!;
        Assert.Contains("UE [###|.........] EDGE", text);
        Assert.Contains("σ=0.25 m=2", text);
    }
}
