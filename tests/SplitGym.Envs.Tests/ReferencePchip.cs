namespace SplitGym.Envs.Tests;

/// <summary>
/// Test-side reference for the table's σ interpolation: SciPy's <c>PchipInterpolator</c> (Fritsch–Carlson
/// slopes with the weighted harmonic mean inside and the shape-preserving three-point ends), written from
/// its documentation and evaluated in power form <c>y + d·s + c₂s² + c₃s³</c> rather than the production
/// code's Hermite basis; constant outside the knots, as the backend clamps.
/// </summary>
internal static class ReferencePchip
{
    public static double Evaluate(double[] x, double[] y, double at)
    {
        if (at <= x[0]) return y[0];
        if (at >= x[^1]) return y[^1];
        var d = Slopes(x, y);
        int k = 0;
        while (x[k + 1] < at) k++;
        double h = x[k + 1] - x[k], secant = (y[k + 1] - y[k]) / h, s = at - x[k];
        double c2 = (3 * secant - 2 * d[k] - d[k + 1]) / h;
        double c3 = (d[k] + d[k + 1] - 2 * secant) / (h * h);
        return y[k] + s * (d[k] + s * (c2 + s * c3));
    }

    private static double[] Slopes(double[] x, double[] y)
    {
        int n = x.Length;
        var h = new double[n - 1];
        var delta = new double[n - 1];
        for (int k = 0; k < n - 1; k++)
        {
            h[k] = x[k + 1] - x[k];
            delta[k] = (y[k + 1] - y[k]) / h[k];
        }
        var d = new double[n];
        for (int k = 1; k < n - 1; k++)
        {
            if (delta[k - 1] * delta[k] <= 0) continue;
            double w1 = 2 * h[k] + h[k - 1], w2 = h[k] + 2 * h[k - 1];
            d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k]);
        }
        d[0] = End(h[0], h[1], delta[0], delta[1]);
        d[n - 1] = End(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3]);
        return d;
    }

    private static double End(double h0, double h1, double delta0, double delta1)
    {
        double d = ((2 * h0 + h1) * delta0 - h0 * delta1) / (h0 + h1);
        if (Math.Sign(d) != Math.Sign(delta0)) return 0;
        if (Math.Sign(delta0) != Math.Sign(delta1) && Math.Abs(d) > Math.Abs(3 * delta0)) return 3 * delta0;
        return d;
    }
}
