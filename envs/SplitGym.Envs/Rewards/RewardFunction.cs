namespace SplitGym.Envs.Rewards;

/// <summary>
/// Turns a perplexity and a split into a reward. The perplexity term is capped so that a
/// catastrophic channel (perplexity in the thousands) cannot blow up value targets; the uncapped
/// perplexity is always reported in the step's info.
/// </summary>
/// <param name="Form">The reward formula.</param>
/// <param name="Lambda">Weight λ ≥ 0 of the UE compute share.</param>
/// <param name="MaxDegradation">Cap D on the degradation <c>PPL/PPL_clean − 1</c> in the reward (dimensionless, &gt; 0); the ratio itself is capped at D + 1.</param>
/// <param name="CleanPerplexity">Perplexity of the unsplit model without channel (&gt; 0).</param>
public sealed record RewardFunction(RewardForm Form, double Lambda, double MaxDegradation, double CleanPerplexity)
{
    /// <summary>The reward for perplexity <paramref name="perplexity"/> at split <paramref name="split"/> with UE compute share <paramref name="computeShare"/>.</summary>
    public double Evaluate(double perplexity, int split, double computeShare)
    {
        double degradation = Math.Min(perplexity / CleanPerplexity - 1, MaxDegradation);
        return Form switch
        {
            RewardForm.Normalised => -degradation - Lambda * computeShare,
            RewardForm.PaperRaw => -(CleanPerplexity * (1 + degradation) + Lambda * computeShare),
            RewardForm.AuthorsCode => -10.5 * degradation + (10 - split) / 10.0,
            _ => throw new ArgumentOutOfRangeException(nameof(Form), Form, "Unknown reward form."),
        };
    }
}
