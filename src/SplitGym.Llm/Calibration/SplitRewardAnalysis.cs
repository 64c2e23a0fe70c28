using SplitGym.Llm.Cost;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// The default reward <c>r(p) = −min(PPL(p; σ, m) / PPL_clean − 1, D) − λ · C_UE(p)</c> evaluated on
/// a table's mean perplexities, and the split that maximises it for each channel, <c>p*(σ, m)</c>.
/// <c>D</c> is the environment's cap on the perplexity degradation <c>PPL/PPL_clean − 1</c> (it keeps
/// value targets bounded when the channel is catastrophic), defined exactly as the environment's
/// <c>SplitInferenceOptions.MaxDegradation</c> so that the λ chosen here is the λ of the environment's
/// reward. Used to choose the default λ and to draw the p* heatmap.
/// </summary>
public sealed class SplitRewardAnalysis
{
    private readonly PerplexityTable _table;
    private readonly ComputeLoad _load;

    /// <summary>Analyses <paramref name="table"/> with compute loads from <paramref name="load"/> and trade-off <paramref name="lambda"/>.</summary>
    /// <param name="table">The measurements.</param>
    /// <param name="load">C_UE(p) of the table's model.</param>
    /// <param name="lambda">Weight of the compute share, ≥ 0.</param>
    /// <param name="maxDegradation">Cap D on PPL / PPL_clean − 1 (dimensionless; the environment's default is 10, i.e. the ratio is capped at 11); infinity for none.</param>
    /// <exception cref="ArgumentException">The table and compute-load model disagree on the number of layers, λ is negative, or D ≤ 0.</exception>
    public SplitRewardAnalysis(PerplexityTable table, ComputeLoad load, double lambda, double maxDegradation = double.PositiveInfinity)
    {
        if (!(maxDegradation > 0))
            throw new ArgumentException($"The perplexity-degradation cap D must be > 0, got {maxDegradation}.", nameof(maxDegradation));
        if (load.NumLayers != table.Model.NumLayers)
            throw new ArgumentException($"The compute-load model has {load.NumLayers} layers but the table's model has {table.Model.NumLayers}.", nameof(load));
        if (!double.IsFinite(lambda) || lambda < 0)
            throw new ArgumentException($"λ must be a finite non-negative number, got {lambda}.", nameof(lambda));
        _table = table;
        _load = load;
        Lambda = lambda;
        MaxDegradation = maxDegradation;
    }

    /// <summary>Weight of the UE compute share against the relative perplexity increase.</summary>
    public double Lambda { get; }

    /// <summary>Cap D on the perplexity degradation PPL / PPL_clean − 1.</summary>
    public double MaxDegradation { get; }

    /// <summary>Expected reward (dimensionless) at the table's grid point.</summary>
    public double Reward(int splitIndex, int intensityIndex, int shapeIndex)
    {
        double ratio = _table.Cell(splitIndex, intensityIndex, shapeIndex).Mean / _table.CleanPerplexity;
        double degradation = Math.Min(ratio - 1, MaxDegradation);
        return -degradation - Lambda * _load.UeShare(_table.Splits[splitIndex]);
    }

    /// <summary>The split point (a value of <see cref="PerplexityTable.Splits"/>) with the highest expected reward; the smallest such split on ties.</summary>
    public int OptimalSplit(int intensityIndex, int shapeIndex)
    {
        int best = 0;
        for (int s = 1; s < _table.Splits.Count; s++)
        {
            if (Reward(s, intensityIndex, shapeIndex) > Reward(best, intensityIndex, shapeIndex))
                best = s;
        }
        return _table.Splits[best];
    }

    /// <summary>p* for every (intensity, shape) of the table, indexed [intensity, shape].</summary>
    public int[,] OptimalSplits()
    {
        var map = new int[_table.Intensities.Count, _table.Shapes.Count];
        for (int i = 0; i < _table.Intensities.Count; i++)
        {
            for (int k = 0; k < _table.Shapes.Count; k++)
                map[i, k] = OptimalSplit(i, k);
        }
        return map;
    }
}
