namespace SplitGym.Envs.Rewards;

/// <summary>Which reward formula the environment pays.</summary>
public enum RewardForm
{
    /// <summary>
    /// SplitGym's default: <c>−min(PPL/PPL_clean − 1, cap) − λ·C_UE(p)</c>. Zero for a perfect channel
    /// with nothing on the phone; scale-free across checkpoints because perplexity enters as a ratio.
    /// </summary>
    Normalised,

    /// <summary>The paper's objective as written: <c>−(min(PPL, cap·PPL_clean) + λ·C_UE(p))</c>.</summary>
    PaperRaw,

    /// <summary>
    /// The authors' released code: <c>10.5·(PPL0 − PPL)/PPL0 + (10 − p)/10</c>, with PPL0 the clean
    /// perplexity (their code re-measured it at reset and kept a stale copy across episodes; we do not).
    /// </summary>
    AuthorsCode,
}
