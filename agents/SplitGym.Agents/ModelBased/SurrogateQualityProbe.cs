using SplitGym.Core;
using SplitGym.Envs;
using SplitGym.Envs.Backends;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// Scores a surrogate against the real backend's expected values on points it was not fitted on:
/// a Latin hypercube of held-out (p, σ, m) for the log-perplexity error, and held-out channels for the
/// implied oracle split. The expected values are read through the backend's scoring path
/// (<see cref="IRewardBackend.ExpectedPerplexities"/>, the calibrated table for both the table and the
/// live backend), which consumes no evaluation, exactly as the env's own regret and oracle do.
/// </summary>
public sealed class SurrogateQualityProbe
{
    private readonly SplitInferenceEnv _truth;
    private readonly List<ModelQuery> _heldOut;
    private readonly double[] _heldOutTruth;
    private readonly List<Dictionary<string, object?>> _channels;

    /// <summary>Draws the held-out points and channels of <paramref name="real"/>'s region from <paramref name="seed"/>.</summary>
    public SurrogateQualityProbe(SplitInferenceEnv real, int heldOutPoints, int heldOutChannels, int seed)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutPoints, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutChannels, 1);
        _truth = new SplitInferenceEnv(real.Backend, real.Options with { ChannelRange = real.ChannelRange, Drift = null });
        var region = DesignRegion.Of(real);
        var rng = new Rng(seed);
        _heldOut = [.. SpaceFillingDesign.LatinHypercube(heldOutPoints, DesignRegion.Dimensions, rng, tries: 1).Select(u => region.FromUnit(u))];
        var expected = new double[real.Backend.NumLayers + 1];
        _heldOutTruth = [.. _heldOut.Select(q =>
        {
            real.Backend.ExpectedPerplexities(q.Channel, expected);
            return Math.Log(expected[q.Split]);
        })];
        _channels = [.. Enumerable.Range(0, heldOutChannels).Select(_ =>
        {
            var channel = real.ChannelRange.At(rng.NextDouble(), rng.NextDouble());
            return new Dictionary<string, object?> { ["sigma"] = channel.Sigma, ["shape"] = channel.Shape };
        })];
    }

    /// <summary>The report for <paramref name="surrogate"/> and the learned env built on it.</summary>
    public SurrogateQualityReport Report(int round, int evaluations, ISurrogate surrogate, SplitInferenceEnv learned)
    {
        ArgumentNullException.ThrowIfNull(surrogate);
        ArgumentNullException.ThrowIfNull(learned);
        var predicted = surrogate.Predict(_heldOut);
        double squared = 0, spread = 0;
        for (int i = 0; i < _heldOut.Count; i++)
        {
            squared += Math.Pow(predicted[i].LogPerplexity - _heldOutTruth[i], 2);
            spread += predicted[i].LogSpread;
        }
        int agree = 0;
        double regret = 0;
        foreach (var channel in _channels)
        {
            learned.Reset(seed: 0, options: channel);
            _truth.Reset(seed: 0, options: channel);
            agree += learned.OracleSplit == _truth.OracleSplit ? 1 : 0;
            var rewards = _truth.ExpectedRewardBySplit;
            int splitMin = _truth.Options.SplitMin;
            regret += rewards[_truth.OracleSplit - splitMin] - rewards[learned.OracleSplit - splitMin];
        }
        return new SurrogateQualityReport(round, evaluations, Math.Sqrt(squared / _heldOut.Count), spread / _heldOut.Count,
            (double)agree / _channels.Count, regret / _channels.Count);
    }
}
