using SplitGym.Core;
using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Backends;

/// <summary>
/// Reward backend on a learned model of perplexity (the paper's reward surrogate): deterministic,
/// instant, and free in live evaluations, since the real evaluations that trained it are counted
/// where they were collected.
/// </summary>
/// <param name="model">The perplexity predictor.</param>
/// <param name="numLayers">Decoder layers L of the model it imitates.</param>
/// <param name="cleanPerplexity">Perplexity of the unsplit model without channel.</param>
/// <param name="computeShareBySplit">C_UE(p) for p = 0..L.</param>
/// <param name="coverage">The channel region the surrogate was trained on.</param>
public sealed class LearnedBackend(IPerplexityModel model, int numLayers, double cleanPerplexity, IReadOnlyList<double> computeShareBySplit, ChannelRange coverage)
    : IRewardBackend
{
    private readonly double[] _computeShares = computeShareBySplit.Count == numLayers + 1
        ? [.. computeShareBySplit]
        : throw new ArgumentException($"Expected {numLayers + 1} compute shares (splits 0..{numLayers}), got {computeShareBySplit.Count}.", nameof(computeShareBySplit));

    /// <inheritdoc/>
    public string Name => "learned";

    /// <inheritdoc/>
    public int NumLayers => numLayers;

    /// <inheritdoc/>
    public double CleanPerplexity => cleanPerplexity;

    /// <inheritdoc/>
    public ChannelRange Coverage => coverage;

    /// <inheritdoc/>
    public long LiveEvaluations => 0;

    /// <inheritdoc/>
    public double ComputeShare(int split) => _computeShares[split];

    /// <inheritdoc/>
    public void ExpectedPerplexities(ChannelState channel, Span<double> bySplit)
    {
        for (int split = 1; split < numLayers; split++) bySplit[split] = Predict(split, channel);
    }

    /// <inheritdoc/>
    public double MeasurePerplexity(int split, ChannelState channel, double expected, Rng rng) => expected;

    private double Predict(int split, ChannelState channel)
    {
        double value = model.PredictPerplexity(split, channel);
        if (!(value > 0) || !double.IsFinite(value))
            throw new InvalidOperationException($"The learned perplexity model predicted {value} at split {split}, σ={channel.Sigma}, m={channel.Shape}; expected a finite value > 0.");
        return value;
    }
}
