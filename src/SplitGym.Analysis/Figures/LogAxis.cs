using System.Globalization;
using ScottPlot;

namespace SplitGym.Analysis.Figures;

/// <summary>
/// Ticks for an axis whose data are log10 values but should read as the original values: labels at
/// 1-2-5 steps per decade (1–9 when the range is narrower than that gives), placed at their log10.
/// </summary>
public static class LogAxis
{
    /// <summary>Installs ticks covering [<paramref name="minLog"/>, <paramref name="maxLog"/>] (log10 units) on <paramref name="axis"/>.</summary>
    public static void Apply(IAxis axis, double minLog, double maxLog)
    {
        var ticks = Ticks(minLog, maxLog, [1, 2, 5]);
        if (ticks.Count < 3)
            ticks = Ticks(minLog, maxLog, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        if (ticks.Count < 2)
            ticks = [Math.Pow(10, minLog), Math.Pow(10, maxLog)];
        axis.SetTicks([.. ticks.Select(Math.Log10)], [.. ticks.Select(Label)]);
    }

    /// <summary>
    /// A tick label that reads as a plain number: thousands separated (<c>20,000</c>) up to a million,
    /// scientific above (<c>2E+06</c>), and up to four decimals below 1 (<c>0.05</c>).
    /// </summary>
    public static string Label(double value) =>
        value >= 1e6 ? value.ToString("0.#E+00", CultureInfo.InvariantCulture) : value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static List<double> Ticks(double minLog, double maxLog, double[] mantissas)
    {
        var ticks = new List<double>();
        for (int decade = (int)Math.Floor(minLog); decade <= (int)Math.Ceiling(maxLog); decade++)
        {
            foreach (double mantissa in mantissas)
            {
                double value = mantissa * Math.Pow(10, decade);
                if (Math.Log10(value) >= minLog && Math.Log10(value) <= maxLog)
                    ticks.Add(value);
            }
        }
        return ticks;
    }
}
