namespace SplitGym.Core.Tests.Wrappers;

/// <summary>
/// Welford's one-pass mean and population variance, started from Gymnasium's prior (pseudo-count
/// 1e-4 at mean 0, variance 1): an independent formulation of what <c>RunningMeanStd</c> computes
/// with the parallel (Chan et al.) update.
/// </summary>
internal sealed class WelfordReference
{
    private const double PriorCount = 1e-4;
    private double _count = PriorCount;
    private double _squaredDeviations = PriorCount;

    public double Mean { get; private set; }

    public double Variance => _squaredDeviations / _count;

    public void Add(double x)
    {
        _count++;
        var delta = x - Mean;
        Mean += delta / _count;
        _squaredDeviations += delta * (x - Mean);
    }
}
