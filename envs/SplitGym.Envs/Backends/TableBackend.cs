using SplitGym.Core;
using SplitGym.Envs.Channel;
using SplitGym.Llm.Calibration;

namespace SplitGym.Envs.Backends;

/// <summary>
/// Reward backend on a calibrated table of live split-perplexity measurements: the default backend,
/// which makes the environment cost nanoseconds per step while its rewards stay those of the real
/// split LLaMA.
/// </summary>
/// <remarks>
/// <para><b>Interpolation.</b> Log perplexity is interpolated along σ with a monotone cubic (PCHIP), so
/// a table that rises with noise gives a reward that falls with noise and never overshoots, and
/// linearly in log m between shape knots (a convex combination, which also preserves monotonicity).
/// Outside the table the values are clamped to its edges. When the table's first σ knot is above zero,
/// σ = 0 is anchored at the clean perplexity, which is exact there.</para>
/// <para><b>Noise.</b> Unless <c>deterministic</c>, each measurement is drawn log-normally around the
/// interpolated mean with the relative spread of a single channel draw recorded in the table
/// (standard error × √repeats / mean), so the table env is as noisy as one live evaluation.</para>
/// <para><b>Cost accounting.</b> Every measurement counts as one live-equivalent evaluation.</para>
/// </remarks>
public sealed class TableBackend : IRewardBackend
{
    private readonly PerplexityTable _table;
    private readonly double[] _computeShareBySplit;
    private readonly bool _deterministic;
    private readonly MonotoneCubic[,] _logMean;      // [split index, shape index] as a function of σ
    private readonly MonotoneCubic[,] _relativeSpread;
    private readonly int[] _splitIndexBySplit;
    private double _bracketedShape = double.NaN;
    private ShapeBracket _bracket;

    /// <summary>Creates the backend.</summary>
    /// <param name="table">The calibrated table; it must cover every split 1..L−1.</param>
    /// <param name="computeShareBySplit">C_UE(p) for p = 0..L (from the model config).</param>
    /// <param name="deterministic">True to return the interpolated mean without measurement noise.</param>
    public TableBackend(PerplexityTable table, IReadOnlyList<double> computeShareBySplit, bool deterministic = false)
    {
        _table = table;
        NumLayers = table.Model.NumLayers;
        if (computeShareBySplit.Count != NumLayers + 1)
            throw new ArgumentException($"Expected {NumLayers + 1} compute shares (splits 0..{NumLayers}) for the table's {NumLayers}-layer model, got {computeShareBySplit.Count}; is the table from a different model?");
        _computeShareBySplit = [.. computeShareBySplit];
        _deterministic = deterministic;
        _splitIndexBySplit = IndexSplits(table);
        var sigmas = AnchoredSigmas(table);
        _logMean = new MonotoneCubic[table.Splits.Count, table.Shapes.Count];
        _relativeSpread = new MonotoneCubic[table.Splits.Count, table.Shapes.Count];
        for (int s = 0; s < table.Splits.Count; s++)
        {
            for (int j = 0; j < table.Shapes.Count; j++)
            {
                var cells = Enumerable.Range(0, table.Intensities.Count).Select(i => table.Cell(s, i, j)).ToList();
                _logMean[s, j] = new MonotoneCubic(sigmas, Anchor(table, cells.Select(c => Math.Log(c.Mean)), Math.Log(table.CleanPerplexity)));
                _relativeSpread[s, j] = new MonotoneCubic(sigmas, Anchor(table, cells.Select(SingleDrawRelativeSpread), 0));
            }
        }
        Coverage = new ChannelRange(0, table.Intensities[^1], table.Shapes[0], table.Shapes[^1]);
    }

    /// <inheritdoc/>
    public string Name => _deterministic ? "table-deterministic" : "table";

    /// <inheritdoc/>
    public int NumLayers { get; }

    /// <inheritdoc/>
    public double CleanPerplexity => _table.CleanPerplexity;

    /// <inheritdoc/>
    public ChannelRange Coverage { get; }

    /// <inheritdoc/>
    public long LiveEvaluations { get; private set; }

    /// <summary>True when measurements are the interpolated mean, without the recorded measurement noise.</summary>
    public bool Deterministic => _deterministic;

    /// <summary>The table behind this backend.</summary>
    public PerplexityTable Table => _table;

    /// <inheritdoc/>
    public double ComputeShare(int split) => _computeShareBySplit[split];

    /// <inheritdoc/>
    public void ExpectedPerplexities(ChannelState channel, Span<double> bySplit)
    {
        var bracket = BracketOf(channel);
        for (int split = 1; split < NumLayers; split++)
        {
            bySplit[split] = Math.Exp(Interpolate(_logMean, _splitIndexBySplit[split], bracket, channel.Sigma));
        }
    }

    /// <inheritdoc/>
    public double MeasurePerplexity(int split, ChannelState channel, double expected, Rng rng)
    {
        LiveEvaluations++;
        if (_deterministic) return expected;
        var bracket = BracketOf(channel);
        double spread = Math.Max(0, Interpolate(_relativeSpread, _splitIndexBySplit[split], bracket, channel.Sigma));
        double logSpread = Math.Sqrt(Math.Log(1 + spread * spread));
        return expected * Math.Exp(logSpread * rng.NextGaussian() - 0.5 * logSpread * logSpread);
    }

    /// <summary>The shape bracket of <paramref name="channel"/>, found once per channel (the env asks for the same channel every step of an episode).</summary>
    private ShapeBracket BracketOf(ChannelState channel)
    {
        if (channel.Shape != _bracketedShape)
        {
            _bracket = ShapeBracket.Find(_table.Shapes, channel.Shape);
            _bracketedShape = channel.Shape;
        }
        return _bracket;
    }

    private static double Interpolate(MonotoneCubic[,] curves, int splitIndex, ShapeBracket bracket, double sigma)
    {
        double lower = curves[splitIndex, bracket.Lower].Evaluate(sigma);
        if (bracket.UpperWeight == 0) return lower;
        return lower + bracket.UpperWeight * (curves[splitIndex, bracket.Upper].Evaluate(sigma) - lower);
    }

    private static double SingleDrawRelativeSpread(PerplexityCell cell) =>
        cell.StandardError * Math.Sqrt(cell.Repeats) / cell.Mean;

    private static bool NeedsZeroAnchor(PerplexityTable table) => table.Intensities[0] > 0;

    private static List<double> AnchoredSigmas(PerplexityTable table) =>
        NeedsZeroAnchor(table) ? [0, .. table.Intensities] : [.. table.Intensities];

    private static List<double> Anchor(PerplexityTable table, IEnumerable<double> values, double atZero) =>
        NeedsZeroAnchor(table) ? [atZero, .. values] : [.. values];

    private static int[] IndexSplits(PerplexityTable table)
    {
        int layers = table.Model.NumLayers;
        var index = new int[layers + 1];
        for (int split = 1; split < layers; split++)
        {
            int found = -1;
            for (int s = 0; s < table.Splits.Count; s++) if (table.Splits[s] == split) found = s;
            if (found < 0)
                throw new ArgumentException($"The perplexity table of model '{table.Model.Name}' has no cells for split {split}; a table backend needs every split 1..{layers - 1}.");
            index[split] = found;
        }
        return index;
    }
}
