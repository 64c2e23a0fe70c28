using System.Globalization;
using ScottPlot;
using SplitGym.Llm.Calibration;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// Perplexity against split point, one line per channel intensity, at one fading shape. The y axis is
/// logarithmic because degradation spans from a fraction of a percent to orders of magnitude.
/// </summary>
public static class PerplexityBySplitPlot
{
    /// <summary>Writes the PNG for shape index <paramref name="shapeIndex"/> of <paramref name="table"/> to <paramref name="path"/>.</summary>
    public static void Save(PerplexityTable table, int shapeIndex, string path)
    {
        var plot = new Plot();
        double[] splits = [.. table.Splits.Select(p => (double)p)];
        double lowest = Math.Log10(table.CleanPerplexity), highest = lowest;
        for (int i = 0; i < table.Intensities.Count; i++)
        {
            double[] logPerplexity = [.. Enumerable.Range(0, table.Splits.Count).Select(s => Math.Log10(table.Cell(s, i, shapeIndex).Mean))];
            (lowest, highest) = (Math.Min(lowest, logPerplexity.Min()), Math.Max(highest, logPerplexity.Max()));
            var line = plot.Add.Scatter(splits, logPerplexity);
            line.LegendText = $"{IntensityName(table)} = {table.Intensities[i].ToString("G3", CultureInfo.InvariantCulture)}";
            line.MarkerSize = 4;
        }
        var clean = plot.Add.HorizontalLine(Math.Log10(table.CleanPerplexity));
        clean.LinePattern = LinePattern.Dashed;
        clean.LegendText = "clean (unsplit)";
        LogAxis.Apply(plot.Axes.Left, lowest, highest);
        plot.XLabel("split point p (decoder layers on the UE)");
        plot.YLabel($"perplexity per token ({table.Evaluation.SplitName}, log scale)");
        plot.Title(Title(table, shapeIndex));
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 900, 600);
    }

    /// <summary>Axis name of the table's intensity: σ or q.</summary>
    public static string IntensityName(PerplexityTable table) => table.Channel.IsErasure ? "q" : "σ";

    private static string Title(PerplexityTable table, int shapeIndex) =>
        table.Channel.IsErasure
            ? $"{table.Model.Name}: perplexity vs split, erasure channel"
            : $"{table.Model.Name}: perplexity vs split, Nakagami m = {table.Shapes[shapeIndex].ToString(CultureInfo.InvariantCulture)} + AWGN ({table.Channel.NoiseScale} σ)";
}
