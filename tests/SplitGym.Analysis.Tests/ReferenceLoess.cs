namespace SplitGym.Analysis.Tests;

/// <summary>
/// A deliberately plain LOESS for golden comparisons, written from the definition rather than from
/// <see cref="Loess"/>: weighted least squares by its closed form (weighted means and covariance, no
/// matrix library), the neighbourhood radius found by trying every data distance in increasing order,
/// and the robustness loop spelled out.
/// </summary>
internal static class ReferenceLoess
{
    public static double[] Predict(double[] x, double[] y, double span, int robustnessIterations, double[] at)
    {
        var delta = Enumerable.Repeat(1.0, x.Length).ToArray();
        for (int iteration = 0; iteration < robustnessIterations; iteration++)
        {
            var residuals = x.Select((xi, i) => y[i] - Fit(x, y, span, delta, xi)).ToArray();
            var absolute = residuals.Select(Math.Abs).OrderBy(v => v).ToArray();
            int n = absolute.Length;
            double s = n % 2 == 1 ? absolute[n / 2] : (absolute[n / 2 - 1] + absolute[n / 2]) / 2;
            if (s <= 1e-10 * y.Average(Math.Abs)) break;
            for (int i = 0; i < n; i++)
            {
                double u = residuals[i] / (6 * s);
                delta[i] = Math.Abs(u) < 1 ? Math.Pow(1 - u * u, 2) : 0;
            }
        }
        return at.Select(a => Fit(x, y, span, delta, a)).ToArray();
    }

    private static double Fit(double[] x, double[] y, double span, double[] delta, double at)
    {
        int q = Math.Max(1, (int)Math.Floor(span * x.Length + 1e-9));
        var distances = x.Select(xi => Math.Abs(xi - at)).OrderBy(d => d).ToArray();
        // A point is inside a neighbourhood of radius h when its tricube weight is at least 1e-12, i.e. u = d/h < (1 − 1e-4)^(1/3).
        double inside = Math.Pow(1 - 1e-4, 1.0 / 3);
        double h = 2 * distances[^1];
        foreach (double candidate in distances.Skip(q - 1))
        {
            int distinct = x.Where((xi, i) => Math.Abs(xi - at) < inside * candidate && delta[i] > 0).Distinct().Count();
            if (distinct >= 2) { h = candidate; break; }
        }
        var w = x.Select((xi, i) => Math.Abs(xi - at) < inside * h ? Math.Pow(1 - Math.Pow(Math.Abs(xi - at) / h, 3), 3) * delta[i] : 0).ToArray();
        double sw = w.Sum();
        double mx = w.Select((wi, i) => wi * x[i]).Sum() / sw;
        double my = w.Select((wi, i) => wi * y[i]).Sum() / sw;
        double sxx = w.Select((wi, i) => wi * (x[i] - mx) * (x[i] - mx)).Sum();
        double sxy = w.Select((wi, i) => wi * (x[i] - mx) * (y[i] - my)).Sum();
        if (x.Where((_, i) => w[i] > 0).Distinct().Count() < 2) return my;
        return my + sxy / sxx * (at - mx);
    }
}
