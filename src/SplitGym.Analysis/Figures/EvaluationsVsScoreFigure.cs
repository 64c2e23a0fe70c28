using ScottPlot;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// The cost argument of the paper: normalised score against the real (live-equivalent) perplexity
/// evaluations an agent's training consumed, on a logarithmic x axis, one line with markers and ±std
/// error bars per agent: circles and solid lines for model-free agents, squares and dashed lines for
/// model-based ones. Dotted lines at 0 (random) and 1 (oracle) give the scale.
/// </summary>
public static class EvaluationsVsScoreFigure
{
    /// <summary>Writes the PNG (1000 × 600 px) to <paramref name="path"/>.</summary>
    /// <param name="title">Figure title, e.g. the env id.</param>
    /// <param name="curves">One curve per agent (at least one); evaluations must be &gt; 0 and finite, scores finite, std ≥ 0.</param>
    /// <param name="path">Where the PNG goes.</param>
    public static void Save(string title, IReadOnlyList<AgentCostCurve> curves, string path)
    {
        if (curves.Count == 0) throw new ArgumentException("The evaluations-versus-score figure needs at least one agent; got none.", nameof(curves));
        var series = curves.Select(Series).ToList();
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < curves.Count; i++)
            AddAgent(plot, curves[i], series[i], palette.GetColor(i));
        AddScaleLine(plot, 0, "random (score 0)");
        AddScaleLine(plot, 1, "oracle (score 1)");
        double low = series.Min(s => s.LogEvaluations[0]), high = series.Max(s => s.LogEvaluations[^1]);
        double margin = Math.Max(0.1, 0.05 * (high - low));
        plot.Axes.SetLimitsX(low - margin, high + margin);
        LogAxis.Apply(plot.Axes.Bottom, low - margin, high + margin);
        plot.XLabel("live-equivalent evaluations (real split-model perplexity runs, log scale)");
        plot.YLabel("normalised score (0 = random, 1 = oracle)");
        plot.Title($"{title}: real evaluations vs score, mean ± std over seeds");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 1000, 600);
    }

    /// <summary>
    /// What is drawn for one agent: log10 of the evaluations in increasing order with the scores and
    /// their std; fails clearly on a point that cannot be drawn on a log axis.
    /// </summary>
    public static CostSeries Series(AgentCostCurve curve)
    {
        if (curve.Points.Count == 0) throw new ArgumentException($"Agent '{curve.Agent}' has no points; expected at least one.", nameof(curve));
        foreach (var point in curve.Points)
        {
            if (!(point.LiveEvaluations > 0) || !double.IsFinite(point.LiveEvaluations))
                throw new ArgumentOutOfRangeException(nameof(curve), point.LiveEvaluations, $"Agent '{curve.Agent}': live-equivalent evaluations must be finite and > 0 on a log axis.");
            if (!double.IsFinite(point.Score) || !(point.ScoreStd >= 0) || !double.IsFinite(point.ScoreStd))
                throw new ArgumentOutOfRangeException(nameof(curve), point, $"Agent '{curve.Agent}': score must be finite and its std finite and ≥ 0.");
        }
        var ordered = curve.Points.OrderBy(p => p.LiveEvaluations).ToList();
        return new CostSeries([.. ordered.Select(p => Math.Log10(p.LiveEvaluations))], [.. ordered.Select(p => p.Score)], [.. ordered.Select(p => p.ScoreStd)]);
    }

    private static void AddAgent(Plot plot, AgentCostCurve curve, CostSeries series, Color color)
    {
        var bars = plot.Add.ErrorBar(series.LogEvaluations, series.Score, series.ScoreStd);
        bars.Color = color;
        var line = plot.Add.Scatter(series.LogEvaluations, series.Score);
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 9;
        bool modelBased = curve.Family == AgentFamily.ModelBased;
        line.MarkerShape = modelBased ? MarkerShape.FilledSquare : MarkerShape.FilledCircle;
        line.LinePattern = modelBased ? LinePattern.Dashed : LinePattern.Solid;
        line.LegendText = $"{curve.Agent} ({(modelBased ? "model-based" : "model-free")})";
    }

    private static void AddScaleLine(Plot plot, double score, string name)
    {
        var line = plot.Add.HorizontalLine(score);
        line.Color = Colors.Gray;
        line.LinePattern = LinePattern.Dotted;
        line.LegendText = name;
    }
}
