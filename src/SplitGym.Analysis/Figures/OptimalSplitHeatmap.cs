using System.Globalization;
using ScottPlot;
using SplitGym.Llm.Calibration;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// The optimal split p*(intensity, shape) of the default reward as a heatmap: rows are intensities
/// (σ or q, increasing upwards), columns are Nakagami m; every cell is labelled with its p*.
/// </summary>
public static class OptimalSplitHeatmap
{
    /// <summary>Writes the PNG of the optimal splits of <paramref name="analysis"/> over <paramref name="table"/> to <paramref name="path"/>.</summary>
    public static void Save(PerplexityTable table, SplitRewardAnalysis analysis, string path)
    {
        var optimal = analysis.OptimalSplits();
        int rows = table.Intensities.Count, columns = table.Shapes.Count;
        var values = new double[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int k = 0; k < columns; k++)
                values[rows - 1 - i, k] = optimal[i, k];
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = "p*";
        Label(plot, optimal, rows, columns);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, columns).Select(k => (double)k)], [.. table.Shapes.Select(m => table.Channel.IsErasure ? "–" : m.ToString("G3", CultureInfo.InvariantCulture))]);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, rows).Select(i => (double)i)], [.. table.Intensities.Select(x => x.ToString("G3", CultureInfo.InvariantCulture))]);
        plot.XLabel(table.Channel.IsErasure ? "(erasure has no fading)" : "Nakagami m");
        plot.YLabel(PerplexityBySplitPlot.IntensityName(table) + (table.Channel.IsErasure ? " (erasure probability)" : " (noise std)"));
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"p* of −min(PPL/PPL₀ − 1, {analysis.MaxDegradation:G3}) − λ·C_UE(p), λ = {analysis.Lambda:G3}"));
        plot.SavePng(path, table.Channel.IsErasure ? 700 : 800, 650);
    }

    private static void Label(Plot plot, int[,] optimal, int rows, int columns)
    {
        for (int i = 0; i < rows; i++)
        {
            for (int k = 0; k < columns; k++)
            {
                var text = plot.Add.Text(optimal[i, k].ToString(CultureInfo.InvariantCulture), k, i);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = Colors.White;
                text.LabelFontSize = 14;
            }
        }
    }
}
