using System.Globalization;
using SplitGym.Llm.IO;

namespace SplitGym.Agents.Logging;

/// <summary>
/// SB3's <c>progress.csv</c>: one row per dump, one column per metric; when a new metric appears the
/// file is rewritten (atomically) with the widened header, earlier rows leaving the new column empty.
/// </summary>
public sealed class CsvOutput : ILogOutput
{
    /// <summary>The file name SB3 uses.</summary>
    public const string FileName = "progress.csv";

    private readonly string _path;
    private readonly List<string> _columns = [];
    private readonly List<Dictionary<string, double>> _rows = [];

    /// <summary>Writes to <paramref name="path"/> (replaced).</summary>
    public CsvOutput(string path) => _path = path;

    /// <inheritdoc />
    public void Write(IReadOnlyDictionary<string, double> values, long step)
    {
        var newColumns = values.Keys.Where(k => !_columns.Contains(k)).ToList();
        _rows.Add(new Dictionary<string, double>(values));
        if (newColumns.Count > 0)
        {
            _columns.AddRange(newColumns);
            AtomicFile.WriteAllText(_path, string.Join('\n', [string.Join(',', _columns), .. _rows.Select(Line)]) + "\n");
        }
        else
        {
            File.AppendAllText(_path, Line(_rows[^1]) + "\n");
        }
    }

    private string Line(Dictionary<string, double> row) =>
        string.Join(',', _columns.Select(c => row.TryGetValue(c, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : ""));

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
