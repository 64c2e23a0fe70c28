using MathNet.Numerics.LinearAlgebra;

namespace SplitGym.Analysis;

/// <summary>
/// LOESS (Cleveland 1979): a smooth trend through scattered (x, y) points by local linear regression.
/// At each query x₀ a straight line is fitted by weighted least squares to the nearest points, with
/// tricube weights <c>w = (1 − (d/h)³)³</c> for distance d &lt; h (0 beyond), and its value at x₀ is
/// the trend. Used for the policy map (split chosen against noise σ), where a trend line must follow
/// the data without assuming a global shape.
/// </summary>
/// <remarks>
/// <para><b>Neighbourhood.</b> With n points and span f, q = ⌊f·n⌋ (at least 1) and h is the q-th
/// smallest distance |xᵢ − x₀|. A point at distance h gets weight 0 (and, against rounding noise, so
/// does any point whose weight would be below <see cref="MinimumWeight"/>), so on data with tied x
/// (a σ grid with repeats) h can leave fewer than two distinct x values with positive weight, where a
/// line is not determined; h then grows to the next larger distance in the data until two distinct x
/// values have positive weight, and if no data distance does, to twice the largest distance.</para>
/// <para><b>Robustness.</b> Each robustness iteration computes the residuals eᵢ at the data points, their
/// median absolute value s, and bisquare weights δᵢ = (1 − (eᵢ/6s)²)² for |eᵢ| &lt; 6s (0 beyond) that
/// multiply the tricube weights of the next fit, so outliers lose their pull. It stops early when s is at most
/// <see cref="ExactFitTolerance"/> times the mean |y| (an exact fit). If the positive combined weights of a neighbourhood sit on a single x, the local fit is
/// their weighted mean.</para>
/// <para>The weighted least-squares problem is solved with MathNet.Numerics' dense linear algebra on the
/// normal equations of the design [1, x − x̄] (x̄ the neighbourhood's weighted mean of x).</para>
/// </remarks>
public sealed class Loess
{
    /// <summary>Multiple of the median absolute residual beyond which a point's robustness weight is 0 (Cleveland's 6).</summary>
    public const double RobustnessScale = 6;

    /// <summary>
    /// The robustness loop stops when the median absolute residual is at most this fraction of the mean
    /// |y|: the fit is exact up to rounding, and bisquare weights of rounding noise would be arbitrary.
    /// </summary>
    public const double ExactFitTolerance = 1e-10;

    /// <summary>
    /// Tricube weights below this count as 0. Right at the neighbourhood's edge the weight of a distance
    /// that differs from h by rounding is rounding noise (≈ 1e-47), and a local line through such a point
    /// is decided by that noise; so a point is inside only when d &lt; <see cref="InsideFraction"/>·h.
    /// </summary>
    public const double MinimumWeight = 1e-12;

    /// <summary>d/h below which the tricube weight is at least <see cref="MinimumWeight"/>: (1 − ∛1e-12)^(1/3) ≈ 0.99997.</summary>
    public static readonly double InsideFraction = Math.Cbrt(1 - Math.Cbrt(MinimumWeight));

    private readonly double[] _x, _y;
    private readonly double[] _robustness;
    private readonly double[] _sortedDistances;

    /// <summary>Fits the smoother to the points; fails clearly on bad inputs.</summary>
    /// <param name="x">Predictor values (e.g. σ in hidden-state units); finite, at least two distinct.</param>
    /// <param name="y">Responses (e.g. the chosen split in layers); finite, one per x.</param>
    /// <param name="span">Fraction f ∈ (0, 1] of the points in each neighbourhood: larger is smoother.</param>
    /// <param name="robustnessIterations">Robustness (reweighting) iterations, ≥ 0; Cleveland suggests 2 when outliers are expected.</param>
    public Loess(IReadOnlyList<double> x, IReadOnlyList<double> y, double span = 0.75, int robustnessIterations = 0)
    {
        Validate(x, y, span, robustnessIterations);
        _x = [.. x];
        _y = [.. y];
        _sortedDistances = new double[_x.Length];
        Span = span;
        NeighbourCount = Math.Max(1, (int)Math.Floor(span * _x.Length + 1e-9));
        _robustness = [.. Enumerable.Repeat(1.0, _x.Length)];
        for (int iteration = 0; iteration < robustnessIterations; iteration++)
        {
            if (!UpdateRobustnessWeights()) break;
        }
    }

    /// <summary>The span f the smoother was fitted with.</summary>
    public double Span { get; }

    /// <summary>q = ⌊f·n⌋: how many nearest points set the neighbourhood radius.</summary>
    public int NeighbourCount { get; }

    /// <summary>The final robustness weight δᵢ of every data point, in input order (all 1 without robustness iterations).</summary>
    public IReadOnlyList<double> RobustnessWeights => _robustness;

    /// <summary>The smoothed value at <paramref name="at"/> (in y units); <paramref name="at"/> must be finite.</summary>
    public double Predict(double at)
    {
        if (!double.IsFinite(at)) throw new ArgumentOutOfRangeException(nameof(at), at, "LOESS can only be evaluated at a finite x.");
        return LocalFit(at);
    }

    /// <summary>The smoothed values at each of <paramref name="at"/>.</summary>
    public double[] Predict(IReadOnlyList<double> at) => [.. at.Select(Predict)];

    /// <summary>The smoothed values at the data points, in input order.</summary>
    public double[] Fitted() => Predict(_x);

    /// <summary>
    /// The local line's value at <paramref name="at"/>, from the weighted normal equations
    /// (XᵀWX)β = XᵀWy with the design X = [1, x − x̄] centred at the neighbourhood's weighted mean x̄:
    /// centring makes XᵀWX diagonal up to rounding, so the solve stays well conditioned even when a
    /// neighbour's weight is tiny (a QR of √W·X loses that neighbour to rounding). The value is β₀ + β₁·(x₀ − x̄).
    /// </summary>
    private double LocalFit(double at)
    {
        double radius = Radius(at);
        var rows = new List<(double Weight, double X, double Y)>();
        for (int i = 0; i < _x.Length; i++)
        {
            double weight = Weight(Math.Abs(_x[i] - at), radius) * _robustness[i];
            if (weight > 0) rows.Add((weight, _x[i], _y[i]));
        }
        double totalWeight = rows.Sum(r => r.Weight);
        double centre = rows.Sum(r => r.Weight * r.X) / totalWeight;
        if (rows.Select(r => r.X).Distinct().Count() < 2)
            return rows.Sum(r => r.Weight * r.Y) / totalWeight;
        var design = Matrix<double>.Build.Dense(rows.Count, 2, (i, j) => j == 0 ? 1 : rows[i].X - centre);
        var weights = Matrix<double>.Build.Diagonal(rows.Count, rows.Count, i => rows[i].Weight);
        var response = Vector<double>.Build.Dense(rows.Count, i => rows[i].Y);
        var weightedDesign = weights * design;
        var line = design.TransposeThisAndMultiply(weightedDesign).Solve(weightedDesign.TransposeThisAndMultiply(response));
        return line[0] + line[1] * (at - centre);
    }

    /// <summary>h: the q-th smallest distance, grown until two distinct x values have positive weight.</summary>
    private double Radius(double at)
    {
        for (int i = 0; i < _x.Length; i++) _sortedDistances[i] = Math.Abs(_x[i] - at);
        Array.Sort(_sortedDistances);
        double nearest = _sortedDistances[NeighbourCount - 1], secondX = SecondDistinctDistance(at);
        foreach (double distance in _sortedDistances)
        {
            if (distance >= nearest && secondX < InsideFraction * distance) return distance;
        }
        return 2 * _sortedDistances[^1];
    }

    /// <summary>
    /// Among points with positive robustness weight, the distance of the nearest one whose x differs from
    /// the nearest one's x (+∞ if they all share one x): h must exceed it for a line to be determined.
    /// </summary>
    private double SecondDistinctDistance(double at)
    {
        var eligible = Enumerable.Range(0, _x.Length).Where(i => _robustness[i] > 0).OrderBy(i => Math.Abs(_x[i] - at)).ToList();
        double firstX = _x[eligible[0]];
        foreach (int i in eligible)
        {
            if (_x[i] != firstX) return Math.Abs(_x[i] - at);
        }
        return double.PositiveInfinity;
    }

    /// <summary>One robustness step; false when the fit is already exact (see <see cref="ExactFitTolerance"/>).</summary>
    private bool UpdateRobustnessWeights()
    {
        var residuals = _x.Select((x, i) => _y[i] - LocalFit(x)).ToArray();
        double median = Median(residuals.Select(Math.Abs));
        if (median <= ExactFitTolerance * _y.Average(Math.Abs)) return false;
        for (int i = 0; i < residuals.Length; i++)
        {
            double u = residuals[i] / (RobustnessScale * median);
            _robustness[i] = Math.Abs(u) < 1 ? (1 - u * u) * (1 - u * u) : 0;
        }
        return true;
    }

    /// <summary>The weight of a point at distance <paramref name="distance"/> from a neighbourhood of radius <paramref name="radius"/>: tricube inside, 0 outside.</summary>
    private static double Weight(double distance, double radius) => distance < InsideFraction * radius ? Tricube(distance / radius) : 0;

    /// <summary>The tricube kernel (1 − u³)³ on [0, 1), 0 from 1 on.</summary>
    public static double Tricube(double u)
    {
        if (u >= 1) return 0;
        double c = 1 - u * u * u;
        return c * c * c;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void Validate(IReadOnlyList<double> x, IReadOnlyList<double> y, double span, int robustnessIterations)
    {
        if (!(span > 0 && span <= 1))
            throw new ArgumentOutOfRangeException(nameof(span), span, "The LOESS span is the fraction of points per neighbourhood and must lie in (0, 1].");
        if (robustnessIterations < 0)
            throw new ArgumentOutOfRangeException(nameof(robustnessIterations), robustnessIterations, "Robustness iterations must be 0 or more.");
        if (x.Count != y.Count)
            throw new ArgumentException($"LOESS needs one y per x; got {x.Count} x values and {y.Count} y values.", nameof(y));
        if (x.Count < 2)
            throw new ArgumentException($"LOESS needs at least 2 points with distinct x to fit a local line; got {x.Count} point{(x.Count == 1 ? "" : "s")}.", nameof(x));
        for (int i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                throw new ArgumentException($"LOESS point {i} is (x {x[i]}, y {y[i]}); both must be finite numbers.", nameof(x));
        }
        if (x.Distinct().Count() < 2)
            throw new ArgumentException($"LOESS needs at least 2 distinct x values to fit a local line; all {x.Count} points have x = {x[0]}.", nameof(x));
    }
}
