namespace SplitGym.Envs.Rewards;

/// <summary>Which reward formula the environment pays.</summary>
public enum RewardForm
{
    /// <summary>
    /// SplitGym's default: <c>−min(PPL/PPL_clean − 1, D) − λ·C_UE(p)</c>, D = <see cref="SplitInferenceOptions.MaxDegradation"/>. Zero for a perfect channel
    /// with nothing on the phone; scale-free across checkpoints because perplexity enters as a ratio.
    /// </summary>
    Normalised,

    /// <summary>
    /// The paper's objective as written, negated: <c>−(min(PPL, (D + 1)·PPL_clean) + λ·C_UE(p))</c>, with the same
    /// cap D on the degradation as the default form (so the perplexity is capped at D + 1 times the clean one).
    /// Not scale-free: the perplexity term is in the checkpoint's perplexity units.
    /// </summary>
    PaperRaw,

    /// <summary>
    /// The authors' released code: <c>10.5·(PPL0 − PPL)/PPL0 + (10 − p)/10</c>, with PPL0 the clean
    /// perplexity (their code re-measured it at reset and kept a stale copy across episodes; we do not),
    /// and with the same cap: <c>−10.5·min(PPL/PPL0 − 1, D) + (10 − p)/10</c>.
    /// </summary>
    AuthorsCode,
}
