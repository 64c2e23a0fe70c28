namespace SplitGym.Core.Wrappers;

/// <summary>
/// Running per-coordinate mean and (population) variance, updated with the parallel-variance
/// formula (Chan et al.), as Gymnasium's <c>RunningMeanStd</c>: it starts at mean 0, variance 1
/// with a pseudo-count of <c>epsilon</c>, so early normalisation is close to the identity.
/// </summary>
public sealed class RunningMeanStd
{
    private readonly double[] _mean;
    private readonly double[] _var;

    /// <summary>Tracks <paramref name="size"/> coordinates, starting with pseudo-count <paramref name="epsilon"/>.</summary>
    public RunningMeanStd(int size = 1, double epsilon = 1e-4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _mean = new double[size];
        _var = new double[size];
        Array.Fill(_var, 1.0);
        Count = epsilon;
    }

    /// <summary>The running mean of each coordinate.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>The running population variance of each coordinate.</summary>
    public ReadOnlySpan<double> Var => _var;

    /// <summary>The number of samples seen (plus the initial pseudo-count).</summary>
    public double Count { get; private set; }

    /// <summary>Adds one sample (one value per coordinate).</summary>
    public void Update(ReadOnlySpan<float> sample)
    {
        CheckLength(sample.Length);
        var total = Count + 1;
        for (var i = 0; i < _mean.Length; i++)
        {
            MergeOne(i, sample[i], total);
        }
        Count = total;
    }

    /// <summary>Adds one sample of a single-coordinate statistic.</summary>
    public void Update(double sample)
    {
        CheckLength(1);
        var total = Count + 1;
        MergeOne(0, sample, total);
        Count = total;
    }

    /// <summary>(value − mean) / sqrt(var + epsilon) for coordinate <paramref name="i"/>.</summary>
    public double Normalize(int i, double value, double epsilon) => (value - _mean[i]) / Math.Sqrt(_var[i] + epsilon);

    private void MergeOne(int i, double sample, double total)
    {
        var delta = sample - _mean[i];
        _mean[i] += delta / total;
        _var[i] = (_var[i] * Count + delta * delta * Count / total) / total;
    }

    private void CheckLength(int length)
    {
        if (length != _mean.Length)
        {
            throw new ArgumentException($"Expected a sample of {_mean.Length} values, got {length}.");
        }
    }
}
