using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Agents.ModelBased;

/// <summary>One real (live or live-equivalent) perplexity evaluation, as logged in the <see cref="EvaluationLedger"/>.</summary>
/// <param name="Index">Position in the ledger, from 0.</param>
/// <param name="Round">Model-based round that spent it (0 = the initial design).</param>
/// <param name="Source">Why it was made.</param>
/// <param name="Split">Split p evaluated.</param>
/// <param name="Sigma">Noise intensity σ of the channel.</param>
/// <param name="Shape">Nakagami shape m of the channel.</param>
/// <param name="Perplexity">The measured perplexity (one channel draw; dimensionless, &gt; 0).</param>
/// <param name="Seconds">Wall time of the evaluation in seconds.</param>
public sealed record EvaluationRecord(int Index, int Round, AcquisitionSource Source, int Split, double Sigma, double Shape, double Perplexity, double Seconds)
{
    /// <summary>The evaluated point.</summary>
    public ModelQuery Query => new(Split, new ChannelState(Sigma, Shape));
}
