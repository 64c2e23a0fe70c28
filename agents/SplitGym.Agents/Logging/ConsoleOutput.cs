using System.Globalization;

namespace SplitGym.Agents.Logging;

/// <summary>SB3's stdout table: one row per metric, grouped by prefix, values with 3–4 significant digits.</summary>
public sealed class ConsoleOutput(TextWriter writer) : ILogOutput
{
    /// <inheritdoc />
    public void Write(IReadOnlyDictionary<string, double> values, long step)
    {
        var rows = new List<(string Key, string Value)>();
        string? group = null;
        foreach (var (key, value) in values)
        {
            int slash = key.IndexOf('/');
            string prefix = slash < 0 ? "" : key[..slash];
            if (prefix != group)
            {
                rows.Add((prefix + "/", ""));
                group = prefix;
            }
            rows.Add(("    " + (slash < 0 ? key : key[(slash + 1)..]), value.ToString("G4", CultureInfo.InvariantCulture)));
        }
        int keyWidth = rows.Max(r => r.Key.Length), valueWidth = rows.Max(r => r.Value.Length);
        string line = new('-', keyWidth + valueWidth + 7);
        writer.WriteLine(line);
        foreach (var (key, value) in rows) writer.WriteLine($"| {key.PadRight(keyWidth)} | {value.PadRight(valueWidth)} |");
        writer.WriteLine(line);
        writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
