using SplitGym.Core;
using SplitGym.Envs.Backends;
using SplitGym.Llm.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// A reward surrogate of one or more small neural networks (<see cref="SurrogateOptions"/>): SplitGym's
/// default ensemble (normalised inputs, log-perplexity target, bootstrap members whose spread is the
/// uncertainty) or the paper-style single MLP on raw inputs, fitted by full-batch Adam (the race-free
/// <see cref="SafeOptimizers"/>) on the mean squared error. Every fit starts from fresh weights drawn
/// from the surrogate's seeded generator, so a seed fixes every prediction.
/// </summary>
public sealed class NetworkSurrogate : ISurrogate
{
    private readonly DesignRegion _region;
    private readonly SurrogateOptions _options;
    private readonly Rng _rng;
    private EnsembleMlp? _network;
    private double _targetMean, _targetScale = 1;

    /// <summary>Creates an unfitted surrogate over <paramref name="region"/>.</summary>
    public NetworkSurrogate(DesignRegion region, SurrogateOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(region);
        _region = region;
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        _rng = new Rng(seed);
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <summary>The settings.</summary>
    public SurrogateOptions Options => _options;

    /// <inheritdoc />
    public void Fit(IReadOnlyList<EvaluationRecord> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("A surrogate needs at least one evaluation to fit.", nameof(data));
        var targets = data.Select(r => _options.LogTarget ? Math.Log(r.Perplexity) : r.Perplexity).ToArray();
        (_targetMean, _targetScale) = _options.StandardiseTarget ? Standardisation(targets) : (0, 1);
        _network?.Dispose();
        _network = new EnsembleMlp(_options.Members, DesignRegion.Dimensions, _options.Hidden, _options.Activation, _rng);
        var weights = SampleWeights(data.Count);
        using var scope = NewDisposeScope();
        var inputs = Features(data.Select(r => r.Query).ToList());
        var scaled = tensor(targets.Select(t => (float)((t - _targetMean) / _targetScale)).ToArray());
        var weightTensor = tensor(weights, [_options.Members, data.Count]);
        using var optimizer = SafeOptimizers.Adam(_network.parameters(), _options.LearningRate);
        using var decay = _options.WeightDecay.ToScalar();
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            using var step = NewDisposeScope();
            var error = _network.forward(inputs) - scaled;
            var loss = (error * error * weightTensor).mean();
            if (_options.WeightDecay > 0) loss = loss + _network.parameters().Select(p => p.square().sum()).Aggregate((a, b) => a + b) * decay;
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PerplexityEstimate> Predict(IReadOnlyList<ModelQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var network = _network ?? throw new InvalidOperationException($"Surrogate '{Name}' has not been fitted; call Fit with real evaluations first.");
        if (queries.Count == 0) return [];
        float[] raw;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            raw = network.forward(Features(queries)).contiguous().data<float>().ToArray();
        }
        var estimates = new PerplexityEstimate[queries.Count];
        var member = new double[_options.Members];
        for (int q = 0; q < queries.Count; q++)
        {
            for (int e = 0; e < member.Length; e++) member[e] = LogPerplexity(raw[e * queries.Count + q]);
            double mean = member.Average();
            estimates[q] = new PerplexityEstimate(mean, Math.Sqrt(member.Average(v => (v - mean) * (v - mean))));
        }
        return estimates;
    }

    /// <inheritdoc />
    public void Dispose() => _network?.Dispose();

    /// <summary>Log perplexity from one network output (a raw-perplexity prediction is floored at 1, the smallest possible perplexity).</summary>
    private double LogPerplexity(float output)
    {
        double value = _targetMean + _targetScale * output;
        return _options.LogTarget ? value : Math.Log(Math.Max(value, 1));
    }

    /// <summary>Network inputs [N, 3]: the unit-cube coordinates mapped to [−1, 1], or raw (p, σ, m).</summary>
    private Tensor Features(IReadOnlyList<ModelQuery> queries)
    {
        var values = new float[queries.Count * DesignRegion.Dimensions];
        for (int q = 0; q < queries.Count; q++)
        {
            var query = queries[q];
            double[] point = _options.NormaliseInputs
                ? [.. _region.ToUnit(query).Select(u => 2 * u - 1)]
                : [query.Split, query.Channel.Sigma, query.Channel.Shape];
            for (int d = 0; d < point.Length; d++) values[q * DesignRegion.Dimensions + d] = (float)point[d];
        }
        return tensor(values, [queries.Count, DesignRegion.Dimensions]);
    }

    /// <summary>Per-member weight of each evaluation, [members × N]: bootstrap counts, or all ones.</summary>
    private float[] SampleWeights(int count)
    {
        var weights = new float[_options.Members * count];
        if (!_options.Bootstrap)
        {
            Array.Fill(weights, 1f);
            return weights;
        }
        for (int e = 0; e < _options.Members; e++)
            for (int draw = 0; draw < count; draw++) weights[e * count + _rng.NextInt(count)] += 1f;
        return weights;
    }

    private static (double Mean, double Scale) Standardisation(double[] values)
    {
        double mean = values.Average();
        double std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        return (mean, Math.Max(std, 1e-6));
    }
}
