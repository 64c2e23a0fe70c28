namespace SplitGym.Envs.Backends;

/// <summary>
/// Monotone piecewise-cubic Hermite interpolation (Fritsch–Carlson, the "PCHIP" of SciPy and MATLAB)
/// through strictly increasing knots. Unlike a natural spline it never overshoots: where the data
/// rise, the curve rises, which is what a perplexity-versus-noise curve needs.
/// </summary>
public sealed class MonotoneCubic
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _slopes;

    /// <summary>Builds the interpolant.</summary>
    /// <param name="x">Knots, strictly increasing, at least two.</param>
    /// <param name="y">Values at the knots, finite.</param>
    public MonotoneCubic(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2) throw new ArgumentException($"Need at least two knots, got {x.Count}.", nameof(x));
        if (x.Count != y.Count) throw new ArgumentException($"Got {x.Count} knots but {y.Count} values.", nameof(y));
        for (int i = 1; i < x.Count; i++)
        {
            if (!(x[i] > x[i - 1]))
                throw new ArgumentException($"Knots must be strictly increasing, but x[{i - 1}]={x[i - 1]} and x[{i}]={x[i]}.", nameof(x));
        }
        if (y.Any(v => !double.IsFinite(v))) throw new ArgumentException("Values must be finite.", nameof(y));
        _x = [.. x];
        _y = [.. y];
        _slopes = FritschCarlsonSlopes(_x, _y);
    }

    /// <summary>The interpolated value at <paramref name="at"/>, clamped to the end values outside the knots.</summary>
    public double Evaluate(double at)
    {
        if (at <= _x[0]) return _y[0];
        int last = _x.Length - 1;
        if (at >= _x[last]) return _y[last];
        int i = Array.BinarySearch(_x, at);
        if (i >= 0) return _y[i];
        i = ~i - 1;
        double h = _x[i + 1] - _x[i];
        double t = (at - _x[i]) / h;
        double t2 = t * t, t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * _y[i] + (t3 - 2 * t2 + t) * h * _slopes[i]
             + (-2 * t3 + 3 * t2) * _y[i + 1] + (t3 - t2) * h * _slopes[i + 1];
    }

    private static double[] FritschCarlsonSlopes(double[] x, double[] y)
    {
        int n = x.Length;
        var secants = new double[n - 1];
        for (int i = 0; i < n - 1; i++) secants[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
        var slopes = new double[n];
        slopes[0] = EndSlope(x[1] - x[0], x.Length > 2 ? x[2] - x[1] : 0, secants[0], n > 2 ? secants[1] : secants[0]);
        slopes[n - 1] = EndSlope(x[n - 1] - x[n - 2], n > 2 ? x[n - 2] - x[n - 3] : 0, secants[n - 2], n > 2 ? secants[n - 3] : secants[n - 2]);
        for (int i = 1; i < n - 1; i++)
        {
            if (secants[i - 1] * secants[i] <= 0) { slopes[i] = 0; continue; }
            double w1 = 2 * (x[i + 1] - x[i]) + (x[i] - x[i - 1]);
            double w2 = (x[i + 1] - x[i]) + 2 * (x[i] - x[i - 1]);
            slopes[i] = (w1 + w2) / (w1 / secants[i - 1] + w2 / secants[i]);
        }
        return slopes;
    }

    /// <summary>The shape-preserving three-point end slope used by PCHIP.</summary>
    private static double EndSlope(double h0, double h1, double d0, double d1)
    {
        if (h1 == 0) return d0;
        double slope = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1);
        if (Math.Sign(slope) != Math.Sign(d0)) return 0;
        if (Math.Sign(d0) != Math.Sign(d1) && Math.Abs(slope) > Math.Abs(3 * d0)) return 3 * d0;
        return slope;
    }
}
