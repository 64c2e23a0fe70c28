using System.Globalization;
using ScottPlot;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// The paper's Fig. 7: the splits a trained agent settles on across noise intensities σ (one scatter
/// colour per Nakagami m), a LOESS trend line per m, and the best split p* as grey crosses for
/// reference. Points come from <see cref="PolicyMapSweep"/>.
/// </summary>
public static class PolicyMapFigure
{
    /// <summary>Default LOESS span: half the points per neighbourhood, smooth across a σ grid with repeats.</summary>
    public const double DefaultSpan = 0.5;

    /// <summary>
    /// Default robustness iterations: 0. A policy map is often a step (shallow splits at low σ, deep ones
    /// at high σ), and bisquare reweighting then treats the minority side of the step as outliers and
    /// flattens the trend onto the majority; pass 2 (Cleveland's choice) for maps with isolated outliers.
    /// </summary>
    public const int DefaultRobustnessIterations = 0;

    /// <summary>Points per trend line.</summary>
    public const int TrendPoints = 100;

    /// <summary>Writes the PNG (1000 × 650 px) to <paramref name="path"/>.</summary>
    /// <param name="title">Figure title, e.g. <c>PPO on SplitInference-A-k1-v0</c>.</param>
    /// <param name="points">The sweep's points (at least one).</param>
    /// <param name="path">Where the PNG goes.</param>
    /// <param name="span">LOESS span f ∈ (0, 1].</param>
    /// <param name="robustnessIterations">LOESS robustness iterations (≥ 0).</param>
    public static void Save(string title, IReadOnlyList<PolicyMapPoint> points, string path, double span = DefaultSpan, int robustnessIterations = DefaultRobustnessIterations)
    {
        if (points.Count == 0) throw new ArgumentException("A policy map needs at least one point; got none.", nameof(points));
        var trends = Trends(points, span, robustnessIterations);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var oracle = plot.Add.ScatterPoints(points.Select(p => p.Sigma).ToArray(), points.Select(p => (double)p.OracleSplit).ToArray());
        oracle.Color = Colors.Gray;
        oracle.MarkerShape = MarkerShape.Cross;
        oracle.MarkerSize = 9;
        oracle.LegendText = "p* (best split)";
        int colour = 0;
        foreach (var group in points.GroupBy(p => p.Shape).OrderBy(g => g.Key))
            AddShape(plot, group, trends.FirstOrDefault(t => t.Shape == group.Key), palette.GetColor(colour++));
        plot.XLabel("noise intensity σ (hidden-state units)");
        plot.YLabel("split point p (decoder layers on the UE)");
        plot.Title($"{title}: chosen split vs noise, LOESS trend (span {span.ToString("G3", CultureInfo.InvariantCulture)})");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1000, 650);
    }

    /// <summary>
    /// The LOESS trend per m, in increasing m; an m whose points have fewer than two distinct σ gets no
    /// trend (a line through one σ is not defined). Values are clamped to the range of that m's chosen
    /// splits: next to a step a local line overshoots, and a split outside the observed range means nothing.
    /// </summary>
    public static IReadOnlyList<PolicyTrend> Trends(IReadOnlyList<PolicyMapPoint> points, double span = DefaultSpan, int robustnessIterations = DefaultRobustnessIterations)
    {
        var trends = new List<PolicyTrend>();
        foreach (var group in points.GroupBy(p => p.Shape).OrderBy(g => g.Key))
        {
            double[] sigma = [.. group.Select(p => p.Sigma)];
            if (sigma.Distinct().Count() < 2) continue;
            var loess = new Loess(sigma, [.. group.Select(p => (double)p.ChosenSplit)], span, robustnessIterations);
            double low = sigma.Min(), high = sigma.Max();
            double[] grid = [.. Enumerable.Range(0, TrendPoints).Select(i => low + (high - low) * i / (TrendPoints - 1))];
            int lowest = group.Min(p => p.ChosenSplit), highest = group.Max(p => p.ChosenSplit);
            trends.Add(new PolicyTrend(group.Key, grid, [.. loess.Predict(grid).Select(v => Math.Clamp(v, lowest, highest))]));
        }
        return trends;
    }

    private static void AddShape(Plot plot, IEnumerable<PolicyMapPoint> group, PolicyTrend? trend, Color color)
    {
        var list = group.ToList();
        string m = list[0].Shape.ToString("G3", CultureInfo.InvariantCulture);
        var chosen = plot.Add.ScatterPoints(list.Select(p => p.Sigma).ToArray(), list.Select(p => (double)p.ChosenSplit).ToArray());
        chosen.Color = color.WithAlpha(0.6);
        chosen.MarkerSize = 7;
        chosen.LegendText = $"chosen split, m = {m}";
        if (trend is null) return;
        var line = plot.Add.ScatterLine(trend.Sigma, trend.Split);
        line.Color = color;
        line.LineWidth = 2.5f;
        line.LegendText = $"LOESS trend, m = {m}";
    }
}
