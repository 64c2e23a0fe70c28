using SplitGym.Agents.Baselines;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.ModelBased;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using SplitGym.Envs;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Tests;
using SplitGym.Core.Vector;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;
using TorchSharp;
using Xunit.Abstractions;

namespace SplitGym.Agents.Tests.ModelBased;

/// <summary>The model-based agent on the synthetic table env (12 layers), and its accounting on a real split LLaMA.</summary>
public sealed class MbrlAgentTests(ITestOutputHelper output) : TempFolderTest
{
    private void Print(MbrlAgent agent)
    {
        foreach (var r in agent.Rounds)
            output.WriteLine($"round {r.Round}: {r.Evaluations} evals, RMSE {r.Quality.HeldOutRmse:0.000}, agreement {r.Quality.OracleAgreement:0.00}, policy change {r.PolicyChange:0.000}, learned score {r.LearnedScore:0.000} ({r.InnerAgents} inner agents, {r.InnerSteps} steps), {r.Seconds:0.0} s");
    }

    [Fact]
    public void LearnedPolicyBeatsRandomClearlyWithAFewDozenRealEvaluations()
    {
        using var agent = ModelBasedTestKit.Agent(ModelBasedTestKit.Small(budget: 36, innerSteps: 30_000), seed: 1);
        agent.Learn(1_000);
        Print(agent);
        var mbrl = Evaluator.Evaluate(agent, TestEnvs.Split(), 50, seed: 100);
        var random = Evaluator.Evaluate(new RandomAgent(3, seed: 3), TestEnvs.Split(), 50, seed: 100);
        output.WriteLine($"MBRL score {mbrl.NormalisedScore:0.000} with {agent.NumTimesteps} real evaluations; random {random.NormalisedScore:0.000}");
        Assert.InRange(agent.NumTimesteps, 1, 36);
        Assert.True(mbrl.NormalisedScore >= random.NormalisedScore + 0.6, $"MBRL scored {mbrl.NormalisedScore}, random {random.NormalisedScore}; expected a margin of at least 0.6.");
    }

    [Fact]
    public void EveryRealEvaluationIsCountedLoggedAndWithinBudget()
    {
        var options = ModelBasedTestKit.Small(budget: 40, innerSteps: 2_048) with { PolicyChangeTolerance = -0.0 };
        using var agent = ModelBasedTestKit.Agent(options, seed: 2, out var backend);
        agent.Learn(1_000);
        Assert.Equal(40, agent.NumTimesteps);
        Assert.Equal(40, agent.Ledger.Count);
        Assert.Equal(agent.Ledger.Count, backend.LiveEvaluations);
        Assert.Equal(Enumerable.Range(0, 40), agent.Ledger.Records.Select(r => r.Index));
        Assert.Equal(24, agent.Ledger.Records.Count(r => r.Source == AcquisitionSource.Design));
        Assert.Contains(agent.Ledger.Records, r => r.Source == AcquisitionSource.Policy);
        Assert.Contains(agent.Ledger.Records, r => r.Source == AcquisitionSource.Disagreement);
        Assert.Equal(agent.Rounds.Select(r => r.Evaluations), agent.Rounds.Select(r => agent.Ledger.Records.Count(x => x.Round < r.Round)));
        Assert.All(agent.Rounds, r =>
        {
            Assert.InRange(r.Quality.OracleAgreement, 0, 1);
            Assert.True(double.IsFinite(r.Quality.HeldOutRmse) && r.Quality.HeldOutRmse >= 0);
            Assert.True(r.Quality.OracleRegret >= -1e-12);
        });
        agent.Learn(1_000);
        Assert.Equal(40, agent.NumTimesteps);
        agent.Learn(10);
        Assert.Equal(40, backend.LiveEvaluations);
    }

    [Fact]
    public void WorksOnTheLiveBackendCountingEveryRunOfTheSplitModel()
    {
        using var model = new LlamaForCausalLM(new LlamaConfig
        {
            HiddenSize = 32, IntermediateSize = 48, NumHiddenLayers = SyntheticTable.Layers, NumAttentionHeads = 4, NumKeyValueHeads = 2, VocabSize = 48, MaxPositionEmbeddings = 64,
        }, seed: 5);
        int[] tokens = [.. Enumerable.Range(0, 64).Select(i => (i * 11 + i / 3) % 48)];
        using var evaluator = new SplitModelCellEvaluator(model, tokens, new SlidingWindows(tokens.Length, 16, 16), 4,
            (intensity, shape) => CalibrationChannels.Create(ChannelDescription.DefaultNakagami, intensity, shape));
        using var live = new LiveBackend(evaluator, SyntheticTable.Backend(deterministic: true));
        var options = ModelBasedTestKit.Small(budget: 16, innerSteps: 1_024) with { InitialDesign = 10, PolicyChangeTolerance = -0.0 };
        using var agent = ModelBasedTestKit.On(live, options, seed: 9);
        agent.Learn(1_000);
        Assert.Equal(16, live.LiveEvaluations);
        Assert.Equal(16, agent.Ledger.Count);
        Assert.All(agent.Ledger.Records, r => Assert.True(r.Perplexity > 1 && r.Perplexity < 1e4 && r.Seconds > 0, $"Evaluation {r.Index}: perplexity {r.Perplexity}, {r.Seconds} s."));
        Assert.True(agent.Ledger.Records.Select(r => r.Perplexity).Distinct().Count() > 8, "Live measurements at different points should differ.");
    }

    /// <summary>An inner-agent factory whose first agent (the agent's own seed) is stuck at a fixed split; later ones are PPO.</summary>
    private static Func<VectorEnv, TrainingOptions, IAgent> StuckFirstInner(int stuckSeed) => (envs, training) =>
    {
        if (training.Seed != stuckSeed) return new Ppo(envs, ModelBasedTestKit.SmallPpo, training);
        envs.Dispose();
        return new FixedSplitAgent(split: 6, maxMove: 1);
    };

    [Fact]
    public void PolicyBelowTheLearnedTargetIsReplacedByTheBestFreshAgent()
    {
        var options = ModelBasedTestKit.Small(budget: 24, innerSteps: 30_000) with { InnerAgent = StuckFirstInner(11), InnerRestarts = 1, InnerTargetScore = 0.9 };
        using var agent = ModelBasedTestKit.Agent(options, seed: 11);
        agent.Learn(24);
        Print(agent);
        var round = Assert.Single(agent.Rounds);
        Assert.Equal(2, round.InnerAgents);
        Assert.IsType<Ppo>(agent.Inner);
        Assert.InRange(round.InnerSteps, 30_000, 30_000 + 1_024);
        Assert.True(round.LearnedScore >= 0.9, $"The kept policy scores {round.LearnedScore} in the learned env; expected the fresh PPO to reach the 0.9 target.");
        var real = Evaluator.Evaluate(agent, TestEnvs.Split(), 50, seed: 100).NormalisedScore;
        Assert.True(real >= 0.8, $"The kept policy scores {real} on the real env.");
    }

    [Fact]
    public void StuckPolicyDoesNotEndTheRunAsConverged()
    {
        var options = ModelBasedTestKit.Small(budget: 36, innerSteps: 1_024) with { InnerAgent = StuckFirstInner(12), InnerTargetScore = 0.9 };
        using var agent = ModelBasedTestKit.Agent(options, seed: 12);
        agent.Learn(1_000);
        Print(agent);
        Assert.IsType<FixedSplitAgent>(agent.Inner);
        Assert.All(agent.Rounds, r => Assert.True(r.LearnedScore < 0.9, $"Round {r.Round}: the fixed split scores {r.LearnedScore} in the learned env."));
        Assert.All(agent.Rounds.Skip(1), r => Assert.Equal(0, r.PolicyChange));
        Assert.Equal(36, agent.NumTimesteps);
        Assert.Equal(3, agent.Rounds.Count);
    }

    [Fact]
    public void SmallerLearnTargetCapsTheBudget()
    {
        using var agent = ModelBasedTestKit.Agent(ModelBasedTestKit.Small(budget: 300, innerSteps: 1_024) with { PolicyChangeTolerance = -0.0 }, seed: 3);
        agent.Learn(30);
        Assert.Equal(30, agent.NumTimesteps);
        Assert.Equal(2, agent.Rounds.Count);
    }

    [Fact]
    public void PaperStyleFitsOnceOnItsWholeDesign()
    {
        var options = MbrlOptions.PaperStyle(20) with { InnerSteps = 1_024, QualityPoints = 64, QualityChannels = 32, ProbeStates = 64 };
        using var agent = ModelBasedTestKit.Agent(options, seed: 4);
        agent.Learn(100_000);
        Assert.Equal("Surrogate", agent.Name);
        Assert.Single(agent.Rounds);
        Assert.Equal(20, agent.NumTimesteps);
        Assert.All(agent.Ledger.Records, r => Assert.Equal(AcquisitionSource.Design, r.Source));
    }

    [Fact]
    public void SameSeedSameEvaluationsAndPolicy()
    {
        var options = ModelBasedTestKit.Small(budget: 30, innerSteps: 2_048) with { PolicyChangeTolerance = -0.0 };
        var probe = TestEnvs.SplitRaw();
        (List<EvaluationRecord> Ledger, int[] Actions) Run()
        {
            using var agent = ModelBasedTestKit.Agent(options, seed: 5);
            agent.Learn(1_000);
            var observation = probe.Reset(seed: 7).Observation;
            var actions = Enumerable.Range(0, 40).Select(_ =>
            {
                int a = agent.Predict(observation);
                observation = probe.Step(a).Observation;
                return a;
            }).ToArray();
            return ([.. agent.Ledger.Records.Select(r => r with { Seconds = 0 })], actions);
        }
        var first = Run();
        var second = Run();
        Assert.Equal(first.Ledger, second.Ledger);
        Assert.Equal(first.Actions, second.Actions);
    }

    [Fact]
    public void LearningLeaksNoTensors()
    {
        using var agent = ModelBasedTestKit.Agent(ModelBasedTestKit.Small(budget: 60, innerSteps: 2_048) with { PolicyChangeTolerance = -0.0 }, seed: 6);
        agent.Learn(30);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        agent.Learn(60);
        long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.Equal(60, agent.NumTimesteps);
        Assert.True(after == before, $"{after - before} tensors leaked over {agent.Rounds.Count - 2} more rounds ({before} live before, {after} after).");
    }

    [Fact]
    public void DriftingEnvGetsALearnedChannelTransition()
    {
        var options = ModelBasedTestKit.Small(budget: 40, innerSteps: 1_024) with { PolicyChangeTolerance = -0.0 };
        using var agent = ModelBasedTestKit.Agent(options, seed: 7, drift: new GaussMarkovDrift(0.8, 0.2));
        agent.Learn(1_000);
        Assert.Contains(agent.Ledger.Records, r => r.Source == AcquisitionSource.ChannelProbe);
        var transition = Assert.IsType<GaussMarkovDrift>(agent.LearnedModel.ChannelTransition);
        output.WriteLine($"fitted ρ {transition.Correlation:0.000}, spread {transition.RelativeSpread:0.000} (true 0.8, 0.2)");
        Assert.InRange(transition.Correlation, 0.3, 1.0);
        Assert.True(transition.RelativeSpread > 0);
        Assert.Equal(40, agent.NumTimesteps);
    }

    [Fact]
    public void SaveAndLoadRestoreThePolicyAndTheLedger()
    {
        var options = ModelBasedTestKit.Small(budget: 24, innerSteps: 2_048);
        using var trained = ModelBasedTestKit.Agent(options, seed: 8);
        trained.Learn(1_000);
        trained.Save(Path.Combine(Folder, "mbrl"));
        using var restored = ModelBasedTestKit.Agent(options, seed: 99);
        restored.Load(Path.Combine(Folder, "mbrl"));
        Assert.Equal(trained.Ledger.Records, restored.Ledger.Records);
        var observation = TestEnvs.SplitRaw().Reset(seed: 1).Observation;
        Assert.Equal(trained.Predict(observation), restored.Predict(observation));
        var error = Assert.Throws<InvalidDataException>(() => restored.Load(Folder));
        Assert.Contains(MbrlAgent.LedgerFile, error.Message);
    }

    [Fact]
    public void FactoryBuildsTheNamedAgentsAndRejectsOthers()
    {
        Assert.Equal(["mbrl", "surrogate"], ModelBasedAgents.Names);
        Assert.Equal(300, ModelBasedAgents.OptionsFor("mbrl").Budget);
        Assert.False(ModelBasedAgents.OptionsFor("surrogate").Acquire);
        Assert.Equal(50, ModelBasedAgents.OptionsFor("surrogate", 50).InitialDesign);
        using var agent = ModelBasedAgents.Create("mbrl", TestEnvs.SplitVector(1), new TrainingOptions { Seed = 1 });
        Assert.Equal("MBRL", agent.Name);
        var unknown = Assert.Throws<ArgumentException>(() => ModelBasedAgents.OptionsFor("ppo"));
        Assert.Contains("mbrl, surrogate", unknown.Message);
        var cartPole = Assert.Throws<ArgumentException>(() => ModelBasedAgents.Create("mbrl", TestEnvs.CartPole(1), new TrainingOptions()));
        Assert.Contains("split-inference", cartPole.Message);
        var budget = Assert.Throws<ArgumentOutOfRangeException>(() => (MbrlOptions.Default with { Budget = 0 }).Validated());
        Assert.Contains("Budget", budget.Message);
        var restarts = Assert.Throws<ArgumentOutOfRangeException>(() => (MbrlOptions.Default with { InnerRestarts = -1 }).Validated());
        Assert.Contains("InnerRestarts", restarts.Message);
        Assert.Equal(0, ModelBasedAgents.OptionsFor("surrogate").InnerRestarts);
    }
}
