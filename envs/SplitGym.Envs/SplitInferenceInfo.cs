namespace SplitGym.Envs;

/// <summary>
/// Names of the scalar values <see cref="SplitInferenceEnv"/> puts in every step's info, in index
/// order. Expected values are under the backend's expected perplexity, so they are exact and free of
/// measurement noise; summing <see cref="OracleStepReward"/>, <see cref="RandomStepReward"/> and
/// <see cref="ExpectedReward"/> over an episode gives the three returns of the normalised score.
/// </summary>
public static class SplitInferenceInfo
{
    /// <summary>Measured perplexity at the agent's split this step (uncapped).</summary>
    public const string Perplexity = "ppl";
    /// <summary>Perplexity of the unsplit model without channel.</summary>
    public const string CleanPerplexity = "ppl_clean";
    /// <summary>UE share of the compute at the agent's split, C_UE(p) ∈ (0, 1).</summary>
    public const string ComputeShare = "c_ue";
    /// <summary>The split with the best expected reward for the current channel, p*.</summary>
    public const string OracleSplit = "oracle_split";
    /// <summary>The expected reward at p*.</summary>
    public const string OracleReward = "oracle_reward";
    /// <summary>Expected reward at p* minus expected reward at the agent's split (≥ 0; 0 exactly on p*).</summary>
    public const string Regret = "regret";
    /// <summary>Expected reward at the agent's split.</summary>
    public const string ExpectedReward = "expected_reward";
    /// <summary>Expected reward this step of the planning oracle that started the episode on the agent's initial split.</summary>
    public const string OracleStepReward = "oracle_step_reward";
    /// <summary>Expected reward this step of the uniform-random policy that started on the agent's initial split.</summary>
    public const string RandomStepReward = "random_step_reward";
    /// <summary>
    /// Real (or live-equivalent) perplexity evaluations this step consumed (per step rather than a running
    /// total so that the info is a pure function of seed and actions; sum it to count an agent's cost, or
    /// read <see cref="Backends.IRewardBackend.LiveEvaluations"/> for the backend's total).
    /// </summary>
    public const string LiveEvaluations = "live_evaluations";

    /// <summary>All keys, in the index order of the env's info buffer.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        Perplexity, CleanPerplexity, ComputeShare, OracleSplit, OracleReward, Regret,
        ExpectedReward, OracleStepReward, RandomStepReward, LiveEvaluations,
    ];
}
