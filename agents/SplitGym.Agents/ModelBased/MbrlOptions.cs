using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using SplitGym.Core.Vector;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// Settings of <see cref="MbrlAgent"/>. <see cref="Default"/> is SplitGym's model-based agent;
/// <see cref="PaperStyle"/> the paper's procedure (one batch of random real evaluations, one MLP on raw
/// inputs fitted once, a policy trained in it).
/// </summary>
public sealed record MbrlOptions
{
    /// <summary>Most real (live or live-equivalent) evaluations the agent may spend in total.</summary>
    public int Budget { get; init; } = 300;

    /// <summary>Real evaluations of the initial design (capped by the budget).</summary>
    public int InitialDesign { get; init; } = 24;

    /// <summary>Draw the initial design as a maximin Latin hypercube (true) or as i.i.d. uniform points (the paper-style baseline).</summary>
    public bool LatinHypercube { get; init; } = true;

    /// <summary>Spend further evaluations after the first fit (rounds of <see cref="PerRound"/>); false fits once.</summary>
    public bool Acquire { get; init; } = true;

    /// <summary>Real evaluations per acquisition round.</summary>
    public int PerRound { get; init; } = 12;

    /// <summary>Share of each round spent on states the current policy visits (the rest goes where the ensemble disagrees most anywhere in the region).</summary>
    public double PolicyFraction { get; init; } = 0.5;

    /// <summary>Greedy episodes of the current policy in the learned env that supply the policy's candidate states.</summary>
    public int PolicyEpisodes { get; init; } = 32;

    /// <summary>Space-filling candidate points scored for the disagreement share of a round.</summary>
    public int CandidatePoints { get; init; } = 2048;

    /// <summary>Minimum unit-cube distance between a new evaluation and earlier or same-batch ones (see <see cref="DesignRegion"/>).</summary>
    public double ExclusionRadius { get; init; } = 0.015;

    /// <summary>The reward surrogate.</summary>
    public SurrogateOptions Surrogate { get; init; } = SurrogateOptions.Ensemble;

    /// <summary>σ knots of the tabulated learned model (the learned env reads the surrogate from this grid).</summary>
    public int GridSigmaKnots { get; init; } = 65;

    /// <summary>log m knots of the tabulated learned model.</summary>
    public int GridShapeKnots { get; init; } = 9;

    /// <summary>Parallel learned envs of the inner agent.</summary>
    public int InnerEnvs { get; init; } = 8;

    /// <summary>Learned-env steps of inner training after the first fit.</summary>
    public long InnerSteps { get; init; } = 120_000;

    /// <summary>Further learned-env steps after each later fit (the inner agent continues, warm-started).</summary>
    public long InnerStepsPerRound { get; init; } = 20_000;

    /// <summary>
    /// PPO settings of the default inner agent: those that reach 0.999 on the table env in docs/benchmarks.md
    /// (SB3 defaults with 256 steps × 8 envs per rollout, an entropy bonus of 0.01 and the learning rate annealed to 0).
    /// The annealing runs over each round's <c>Learn</c> call, so later rounds fine-tune with a small step size.
    /// </summary>
    public PpoOptions InnerPpo { get; init; } = new() { NSteps = 256, AnnealLearningRate = true, EntCoef = 0.01 };

    /// <summary>
    /// Greedy normalised score in the learned env (against the learned env's own oracle, so free of real
    /// evaluations) that the inner policy must reach for a round to count as trained. Below it the agent trains
    /// fresh inner agents (<see cref="InnerRestarts"/>), and the "policy stopped changing" stop does not apply:
    /// a policy stuck in a poor local optimum of PPO also stops changing.
    /// </summary>
    public double InnerTargetScore { get; init; } = 0.97;

    /// <summary>Learned-env episodes of that score (the same seeded episodes every time).</summary>
    public int InnerScoreEpisodes { get; init; } = 64;

    /// <summary>
    /// Most fresh inner agents (new seed, <see cref="InnerSteps"/> learned steps each) trained in a round whose policy
    /// is below <see cref="InnerTargetScore"/>; the best-scoring policy is kept. 0 keeps the first agent whatever it scores.
    /// </summary>
    public int InnerRestarts { get; init; } = 2;

    /// <summary>Builds the inner agent on the learned vector env; null uses PPO with <see cref="InnerPpo"/>. Any agent of this project works.</summary>
    public Func<VectorEnv, TrainingOptions, IAgent>? InnerAgent { get; init; }

    /// <summary>Stop early when fewer than this fraction of probe states change greedy action between rounds (and the policy meets <see cref="InnerTargetScore"/>).</summary>
    public double PolicyChangeTolerance { get; init; } = 0.01;

    /// <summary>Rounds before the early stop may apply.</summary>
    public int MinRounds { get; init; } = 2;

    /// <summary>Probe states over which the policy change is measured.</summary>
    public int ProbeStates { get; init; } = 512;

    /// <summary>Real steps per round of the current policy in a drifting env, to observe the channel's transitions (ignored when the env does not drift).</summary>
    public int ChannelProbeSteps { get; init; } = 32;

    /// <summary>Held-out points of the quality report's log-perplexity error.</summary>
    public int QualityPoints { get; init; } = 512;

    /// <summary>Held-out channels of the quality report's oracle agreement.</summary>
    public int QualityChannels { get; init; } = 256;

    /// <summary>SplitGym's model-based agent.</summary>
    public static MbrlOptions Default { get; } = new();

    /// <summary>The paper's procedure as a baseline: <paramref name="evaluations"/> i.i.d. uniform real evaluations, the paper-style MLP fitted once, the policy trained in it.</summary>
    public static MbrlOptions PaperStyle(int evaluations) => new()
    {
        Budget = evaluations, InitialDesign = evaluations, LatinHypercube = false, Acquire = false, Surrogate = SurrogateOptions.Paper, InnerRestarts = 0,
    };

    /// <summary>Throws naming the first invalid value.</summary>
    public MbrlOptions Validated()
    {
        OptionCheck.Require(Budget >= 1, "Model-based", nameof(Budget), Budget, "≥ 1");
        OptionCheck.Require(InitialDesign >= 1, "Model-based", nameof(InitialDesign), InitialDesign, "≥ 1");
        OptionCheck.Require(PerRound >= 1, "Model-based", nameof(PerRound), PerRound, "≥ 1");
        OptionCheck.Require(PolicyFraction is >= 0 and <= 1, "Model-based", nameof(PolicyFraction), PolicyFraction, "in [0, 1]");
        OptionCheck.Require(PolicyEpisodes >= 1, "Model-based", nameof(PolicyEpisodes), PolicyEpisodes, "≥ 1");
        OptionCheck.Require(CandidatePoints >= 1, "Model-based", nameof(CandidatePoints), CandidatePoints, "≥ 1");
        OptionCheck.Require(ExclusionRadius >= 0, "Model-based", nameof(ExclusionRadius), ExclusionRadius, "≥ 0");
        OptionCheck.Require(GridSigmaKnots >= 2, "Model-based", nameof(GridSigmaKnots), GridSigmaKnots, "≥ 2");
        OptionCheck.Require(GridShapeKnots >= 2, "Model-based", nameof(GridShapeKnots), GridShapeKnots, "≥ 2");
        OptionCheck.Require(InnerEnvs >= 1, "Model-based", nameof(InnerEnvs), InnerEnvs, "≥ 1");
        OptionCheck.Require(InnerSteps >= 1, "Model-based", nameof(InnerSteps), InnerSteps, "≥ 1");
        OptionCheck.Require(InnerStepsPerRound >= 1, "Model-based", nameof(InnerStepsPerRound), InnerStepsPerRound, "≥ 1");
        OptionCheck.Require(InnerTargetScore <= 1, "Model-based", nameof(InnerTargetScore), InnerTargetScore, "≤ 1");
        OptionCheck.Require(InnerScoreEpisodes >= 1, "Model-based", nameof(InnerScoreEpisodes), InnerScoreEpisodes, "≥ 1");
        OptionCheck.Require(InnerRestarts >= 0, "Model-based", nameof(InnerRestarts), InnerRestarts, "≥ 0");
        OptionCheck.Require(PolicyChangeTolerance >= 0, "Model-based", nameof(PolicyChangeTolerance), PolicyChangeTolerance, "≥ 0");
        OptionCheck.Require(MinRounds >= 1, "Model-based", nameof(MinRounds), MinRounds, "≥ 1");
        OptionCheck.Require(ProbeStates >= 1, "Model-based", nameof(ProbeStates), ProbeStates, "≥ 1");
        OptionCheck.Require(ChannelProbeSteps >= 0, "Model-based", nameof(ChannelProbeSteps), ChannelProbeSteps, "≥ 0");
        OptionCheck.Require(QualityPoints >= 1, "Model-based", nameof(QualityPoints), QualityPoints, "≥ 1");
        OptionCheck.Require(QualityChannels >= 1, "Model-based", nameof(QualityChannels), QualityChannels, "≥ 1");
        Surrogate.Validated();
        InnerPpo.Validate();
        return this;
    }
}
