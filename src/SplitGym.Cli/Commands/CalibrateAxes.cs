using System.Globalization;

namespace SplitGym.Cli.Commands;

/// <summary>Parses the axis values of <c>splitgym calibrate</c>: comma-separated numbers, and <c>a..b</c> integer ranges for split points.</summary>
public static class CalibrateAxes
{
    /// <summary>Parses split points such as <c>1..31</c> or <c>1,2,4,8</c> or <c>1..4,8</c>.</summary>
    /// <exception cref="FormatException">A part is neither an integer nor an increasing <c>a..b</c> range.</exception>
    public static int[] ParseSplits(string text) =>
        [.. Parts(text).SelectMany(ParseSplitPart)];

    /// <summary>Parses real values such as <c>0,0.05,0.1</c>.</summary>
    /// <exception cref="FormatException">A part is not a number.</exception>
    public static double[] ParseReals(string text) =>
        [.. Parts(text).Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"'{part}' in '{text}' is not a number; expected comma-separated numbers like 0,0.05,0.1."))];

    /// <summary>Formats values the way <see cref="ParseReals"/> reads them.</summary>
    public static string Format(IEnumerable<double> values) =>
        string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static IEnumerable<string> Parts(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<int> ParseSplitPart(string part)
    {
        var bounds = part.Split("..");
        bool ok = bounds.All(b => int.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) && bounds.Length is 1 or 2;
        if (!ok)
            throw new FormatException($"Split part '{part}' is not an integer or a range a..b (e.g. 1..31).");
        int first = int.Parse(bounds[0], CultureInfo.InvariantCulture), last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
        if (last < first)
            throw new FormatException($"Split range '{part}' runs backwards; expected a..b with a ≤ b.");
        return Enumerable.Range(first, last - first + 1);
    }
}
