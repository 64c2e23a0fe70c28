using SplitGym.Agents.ModelBased;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using SplitGym.Envs;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Tests;

namespace SplitGym.Agents.Tests.ModelBased;

/// <summary>Shared pieces of the model-based tests: the synthetic law as evaluations, and small agent settings.</summary>
internal static class ModelBasedTestKit
{
    /// <summary>The region of the synthetic split env (splits 1..11, σ ∈ [0, 0.8], m ∈ [0.5, 8]).</summary>
    public static DesignRegion Region => DesignRegion.Of(TestEnvs.SplitRaw());

    /// <summary>True log perplexity of the synthetic law.</summary>
    public static double TrueLog(ModelQuery q) => Math.Log(SyntheticTable.Law(q.Split, q.Channel.Sigma, q.Channel.Shape));

    /// <summary>Noise-free "evaluations" of the synthetic law at <paramref name="queries"/>.</summary>
    public static List<EvaluationRecord> Evaluations(IEnumerable<ModelQuery> queries)
    {
        var ledger = new EvaluationLedger();
        foreach (var q in queries) ledger.Add(0, AcquisitionSource.Design, q.Split, q.Channel.Sigma, q.Channel.Shape, Math.Exp(TrueLog(q)), 0);
        return [.. ledger.Records];
    }

    /// <summary>A Latin hypercube of <paramref name="count"/> points of the region.</summary>
    public static List<ModelQuery> Design(int count, int seed, DesignRegion? region = null)
    {
        var r = region ?? Region;
        return [.. SpaceFillingDesign.LatinHypercube(count, DesignRegion.Dimensions, new Core.Rng(seed)).Select(u => r.FromUnit(u))];
    }

    /// <summary>Inner PPO settings for the synthetic env's short episodes.</summary>
    public static PpoOptions SmallPpo => new() { NSteps = 128, BatchSize = 256, NEpochs = 4, LearningRate = 1e-3, EntCoef = 0.01 };

    /// <summary>Small, quick agent settings for the synthetic env (12-step episodes, 11 splits).</summary>
    public static MbrlOptions Small(int budget, long innerSteps) => MbrlOptions.Default with
    {
        Budget = budget, InitialDesign = Math.Min(24, budget), PerRound = 6, InnerSteps = innerSteps, InnerStepsPerRound = innerSteps / 4,
        InnerPpo = SmallPpo,
        Surrogate = SurrogateOptions.Ensemble with { Epochs = 600 }, CandidatePoints = 256, PolicyEpisodes = 8, QualityPoints = 128, QualityChannels = 64,
        ProbeStates = 128, GridSigmaKnots = 17, GridShapeKnots = 5, ChannelProbeSteps = 6, InnerRestarts = 0, InnerScoreEpisodes = 16,
    };

    /// <summary>A model-based agent on a fresh synthetic split env (the env is owned by the agent).</summary>
    public static MbrlAgent Agent(MbrlOptions options, int seed, IChannelDrift? drift = null) => Agent(options, seed, out _, drift);

    /// <summary>As <see cref="Agent(MbrlOptions, int, IChannelDrift?)"/>, also giving the real env's table backend (to check its evaluation count).</summary>
    public static MbrlAgent Agent(MbrlOptions options, int seed, out TableBackend backend, IChannelDrift? drift = null)
    {
        backend = new TableBackend(SyntheticTable.Build(), SyntheticTable.ComputeShares());
        return On(backend, options, seed, drift);
    }

    /// <summary>A model-based agent on a synthetic-shaped env over <paramref name="backend"/> (the env is owned by the agent).</summary>
    public static MbrlAgent On(IRewardBackend backend, MbrlOptions options, int seed, IChannelDrift? drift = null)
    {
        var env = new SplitInferenceEnv(backend, new SplitInferenceOptions { EpisodeLength = TestEnvs.SplitEpisodeLength, Drift = drift });
        return new MbrlAgent(env, options, new TrainingOptions { Seed = seed }, env);
    }
}
