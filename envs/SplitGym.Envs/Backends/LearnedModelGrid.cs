using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Backends;

/// <summary>
/// A learned model tabulated once on a regular grid over (p, σ, log m) and read back by bilinear
/// interpolation in (σ, log m): the learned env then costs about as much per step as the table backend,
/// instead of one network forward per step. A model-based agent re-tabulates after each refit, which is
/// one batched forward over the grid.
/// </summary>
/// <remarks>
/// σ knots are uniform over the coverage's σ range; m knots are uniform in log m (m acts multiplicatively),
/// or a single knot when the coverage has one shape (the erasure variant, m = 0). Values outside the grid
/// are clamped to its edges. Log perplexity and its spread are interpolated, so the perplexity is a
/// geometric interpolation between knots.
/// </remarks>
public sealed class LearnedModelGrid : ILearnedModel
{
    private readonly int _numLayers;
    private readonly UniformAxis _sigma;
    private readonly UniformAxis _logShape;
    private readonly double[] _logMean;     // [(split − 1), σ knot, shape knot], row-major
    private readonly double[] _logSpread;

    private LearnedModelGrid(int numLayers, UniformAxis sigma, UniformAxis logShape, double[] logMean, double[] logSpread, IChannelDrift? transition)
    {
        _numLayers = numLayers;
        _sigma = sigma;
        _logShape = logShape;
        _logMean = logMean;
        _logSpread = logSpread;
        ChannelTransition = transition;
    }

    /// <inheritdoc/>
    public IChannelDrift? ChannelTransition { get; }

    /// <summary>Grid points per split: σ knots × shape knots.</summary>
    public int PointsPerSplit => _sigma.Knots * _logShape.Knots;

    /// <summary>
    /// Asks <paramref name="predict"/> once, in one batch, for every grid point of splits 1..L−1 over
    /// <paramref name="coverage"/> and stores the answers.
    /// </summary>
    /// <param name="numLayers">Decoder layers L; splits 1..L−1 are tabulated.</param>
    /// <param name="coverage">The channel region to tabulate (normally the real backend's coverage).</param>
    /// <param name="sigmaKnots">Knots along σ (≥ 2 unless the σ range is a point).</param>
    /// <param name="shapeKnots">Knots along log m (≥ 2 unless the m range is a point).</param>
    /// <param name="predict">The learned model, batched: one estimate per query, in order.</param>
    /// <param name="transition">The learned channel transition, or null for a channel fixed per episode.</param>
    public static LearnedModelGrid Tabulate(int numLayers, ChannelRange coverage, int sigmaKnots, int shapeKnots,
        Func<IReadOnlyList<ModelQuery>, IReadOnlyList<PerplexityEstimate>> predict, IChannelDrift? transition)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(predict);
        if (numLayers < 2) throw new ArgumentOutOfRangeException(nameof(numLayers), numLayers, "A split model needs at least 2 layers.");
        coverage.Validated("learned grid coverage");
        bool oneShape = coverage.ShapeMin == coverage.ShapeMax;
        var sigma = new UniformAxis(coverage.SigmaMin, coverage.SigmaMax, coverage.SigmaMin == coverage.SigmaMax ? 1 : sigmaKnots).Validated("σ");
        var logShape = oneShape
            ? new UniformAxis(0, 0, 1)
            : new UniformAxis(Math.Log(coverage.ShapeMin), Math.Log(coverage.ShapeMax), shapeKnots).Validated("log m");
        var queries = new List<ModelQuery>((numLayers - 1) * sigma.Knots * logShape.Knots);
        for (int split = 1; split < numLayers; split++)
            for (int i = 0; i < sigma.Knots; i++)
                for (int j = 0; j < logShape.Knots; j++)
                    queries.Add(new ModelQuery(split, new ChannelState(sigma.Knot(i), oneShape ? coverage.ShapeMin : Math.Exp(logShape.Knot(j)))));
        var answers = predict(queries);
        if (answers.Count != queries.Count)
            throw new InvalidOperationException($"The learned model answered {answers.Count} of {queries.Count} grid queries; expected one estimate per query.");
        var logMean = new double[queries.Count];
        var logSpread = new double[queries.Count];
        for (int k = 0; k < queries.Count; k++)
        {
            var answer = answers[k];
            if (!double.IsFinite(answer.LogPerplexity) || !(answer.LogSpread >= 0) || !double.IsFinite(answer.LogSpread))
                throw new InvalidOperationException($"The learned model predicted log perplexity {answer.LogPerplexity} ± {answer.LogSpread} at {queries[k]}; expected finite values with spread ≥ 0.");
            logMean[k] = answer.LogPerplexity;
            logSpread[k] = answer.LogSpread;
        }
        return new LearnedModelGrid(numLayers, sigma, logShape, logMean, logSpread, transition);
    }

    /// <inheritdoc/>
    public double PredictPerplexity(int split, ChannelState channel) => Estimate(split, channel).Perplexity;

    /// <inheritdoc/>
    public PerplexityEstimate Estimate(int split, ChannelState channel)
    {
        if (split < 1 || split >= _numLayers)
            throw new ArgumentOutOfRangeException(nameof(split), split, $"The grid covers splits 1..{_numLayers - 1}.");
        var (i, wi) = _sigma.Locate(channel.Sigma);
        var (j, wj) = _logShape.Locate(_logShape.Knots == 1 ? 0 : Math.Log(channel.Shape));
        int origin = (split - 1) * PointsPerSplit;
        return new PerplexityEstimate(Bilinear(_logMean, origin, i, wi, j, wj), Bilinear(_logSpread, origin, i, wi, j, wj));
    }

    private double Bilinear(double[] values, int origin, int i, double wi, int j, double wj)
    {
        int shapes = _logShape.Knots;
        int iNext = wi > 0 ? i + 1 : i, jNext = wj > 0 ? j + 1 : j;
        double low = Lerp(values[origin + i * shapes + j], values[origin + i * shapes + jNext], wj);
        double high = Lerp(values[origin + iNext * shapes + j], values[origin + iNext * shapes + jNext], wj);
        return Lerp(low, high, wi);
    }

    private static double Lerp(double a, double b, double weight) => a + weight * (b - a);
}
