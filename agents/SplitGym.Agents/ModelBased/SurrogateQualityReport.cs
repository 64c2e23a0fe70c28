namespace SplitGym.Agents.ModelBased;

/// <summary>How good the surrogate was after one round, judged against the real backend's expected values.</summary>
/// <param name="Round">The round (1 = after the initial design).</param>
/// <param name="Evaluations">Real evaluations the surrogate was fitted on.</param>
/// <param name="HeldOutRmse">Root-mean-square error of the predicted expected log perplexity on held-out points of the region (natural-log units; 0.05 ≈ 5 %).</param>
/// <param name="HeldOutSpread">Mean predicted uncertainty (log-perplexity standard deviation) on the same points.</param>
/// <param name="OracleAgreement">Fraction of held-out channels where the split the surrogate implies is best equals the true oracle split p*.</param>
/// <param name="OracleRegret">Mean true expected-reward loss per step of sitting on the surrogate's best split instead of p* (reward units, ≥ 0).</param>
public sealed record SurrogateQualityReport(int Round, int Evaluations, double HeldOutRmse, double HeldOutSpread, double OracleAgreement, double OracleRegret);
