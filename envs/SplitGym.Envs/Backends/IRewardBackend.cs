using SplitGym.Core;
using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Backends;

/// <summary>
/// Where the environment's perplexity comes from: the live split LLaMA, a calibrated table of live
/// measurements, or a learned surrogate. The environment asks for the expected perplexity of every
/// split when the channel changes (to score the agent against the exact oracle) and for one noisy
/// measurement at the agent's split each step (to pay the reward).
/// </summary>
public interface IRewardBackend
{
    /// <summary>Short name for logs and renders (for example <c>table</c>).</summary>
    string Name { get; }

    /// <summary>Number of decoder layers L of the model; splits live in [1, L − 1].</summary>
    int NumLayers { get; }

    /// <summary>Perplexity of the unsplit model without any channel (dimensionless, &gt; 0).</summary>
    double CleanPerplexity { get; }

    /// <summary>The channel states the backend can answer for; the environment's cases must lie inside it.</summary>
    ChannelRange Coverage { get; }

    /// <summary>
    /// Real perplexity evaluations of the split model consumed so far: live runs for the live backend,
    /// one live-equivalent per query for the table backend (so a model-free agent's cost reads in
    /// real-LLM terms), none for a learned backend (its training data is counted where it was collected).
    /// </summary>
    long LiveEvaluations { get; }

    /// <summary>UE share of the forward-pass FLOPs, <c>C_UE(split)</c> ∈ (0, 1), from the model config.</summary>
    double ComputeShare(int split);

    /// <summary>
    /// Writes the expected perplexity of every split <c>p ∈ [1, L − 1]</c> under <paramref name="channel"/>
    /// into <paramref name="bySplit"/>[p] (index 0 and L are left untouched). Deterministic; consumes no evaluation.
    /// </summary>
    void ExpectedPerplexities(ChannelState channel, Span<double> bySplit);

    /// <summary>
    /// One perplexity measurement at <paramref name="split"/> under <paramref name="channel"/>, with the
    /// channel's randomness drawn from <paramref name="rng"/>; <paramref name="expected"/> is the value
    /// <see cref="ExpectedPerplexities"/> gave for that split. Counts one (live or live-equivalent) evaluation.
    /// </summary>
    double MeasurePerplexity(int split, ChannelState channel, double expected, Rng rng);
}
