using ScottPlot;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// Draws <see cref="CurvePanel"/>s side by side into one PNG: every series is the mean over seeds with
/// a translucent ±1 std band, references are dashed lines, and a series keeps its colour in every panel
/// so the same learner is recognisable across panels.
/// </summary>
internal static class CurvePanelRenderer
{
    /// <summary>Pixel height of every figure and width of one panel.</summary>
    public const int Height = 600, PanelWidth = 700, SinglePanelWidth = 1000;

    /// <summary>The x axis label shared by every learning-curve panel.</summary>
    public const string StepsLabel = "environment steps (summed over sub-envs)";

    /// <summary>The y axis label shared by every learning-curve panel.</summary>
    public const string ReturnLabel = "mean training-episode return (reward units)";

    /// <summary>Saves the panels as one PNG at <paramref name="path"/>, one column each.</summary>
    public static void Save(IReadOnlyList<CurvePanel> panels, string path)
    {
        if (panels.Count == 0) throw new ArgumentException("A learning-curve figure needs at least one panel; got none.", nameof(panels));
        var colours = ColoursByName(panels);
        if (panels.Count == 1)
        {
            var plot = new Plot();
            Draw(plot, panels[0], colours);
            plot.SavePng(path, SinglePanelWidth, Height);
            return;
        }
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        for (int i = 0; i < panels.Count; i++)
            Draw(multiplot.GetPlot(i), panels[i], colours);
        multiplot.SavePng(path, PanelWidth * panels.Count, Height);
    }

    private static void Draw(Plot plot, CurvePanel panel, IReadOnlyDictionary<string, Color> colours)
    {
        foreach (var learner in panel.Learners)
            AddBand(plot, learner, colours[learner.Name]);
        foreach (var reference in panel.References)
            AddReference(plot, reference, colours[reference.Name]);
        plot.XLabel(StepsLabel);
        plot.YLabel(ReturnLabel);
        plot.Title(panel.Title);
        plot.ShowLegend(Alignment.LowerRight);
    }

    private static void AddBand(Plot plot, LearnerCurves learner, Color color)
    {
        var band = SeedBand.Of(learner.Seeds);
        var fill = plot.Add.FillY(band.Steps, [.. band.Mean.Select((m, i) => m - band.Std[i])], [.. band.Mean.Select((m, i) => m + band.Std[i])]);
        fill.FillColor = color.WithAlpha(0.2);
        fill.LineWidth = 0;
        var line = plot.Add.Scatter(band.Steps, band.Mean);
        line.Color = color;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.LegendText = $"{learner.Name} (mean ± std, {band.Seeds} seed{(band.Seeds == 1 ? "" : "s")})";
    }

    private static void AddReference(Plot plot, ReferenceLevel reference, Color color)
    {
        if (!double.IsFinite(reference.Value))
            throw new ArgumentException($"Reference line '{reference.Name}' is at {reference.Value}; expected a finite value.", nameof(reference));
        var line = plot.Add.HorizontalLine(reference.Value);
        line.Color = color;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = reference.Name;
    }

    /// <summary>One Category10 colour per distinct series or reference name, in order of first appearance.</summary>
    private static Dictionary<string, Color> ColoursByName(IReadOnlyList<CurvePanel> panels)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var colours = new Dictionary<string, Color>();
        var names = panels.SelectMany(p => p.Learners.Select(l => l.Name).Concat(p.References.Select(r => r.Name)));
        foreach (var name in names)
            colours.TryAdd(name, palette.GetColor(colours.Count));
        return colours;
    }
}
