using System.Text;
using System.Text.Json;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// Append-only record of finished cells, one JSON line per cell after a header line, flushed to disk
/// after every cell. A sweep killed at any moment (even <c>kill -9</c>) loses at most the cell in
/// progress: on reopening, a torn last line (written partly, no newline) is cut off and every
/// complete line is a finished cell that a rerun skips.
/// </summary>
public sealed class CalibrationJournal : IDisposable
{
    private readonly FileStream _stream;
    private readonly CalibrationHeader _header;
    private readonly ShardSpec _shard;
    private readonly Dictionary<int, PerplexityCell> _finished = [];

    private CalibrationJournal(FileStream stream, CalibrationHeader header, ShardSpec shard)
    {
        _stream = stream;
        _header = header;
        _shard = shard;
    }

    /// <summary>Path of the journal file.</summary>
    public string Path => _stream.Name;

    /// <summary>Finished cells by row-major index.</summary>
    public IReadOnlyDictionary<int, PerplexityCell> Finished => _finished;

    /// <summary>
    /// Opens (or creates) the journal at <paramref name="path"/> for the given sweep and shard.
    /// </summary>
    /// <exception cref="InvalidOperationException">The journal belongs to a different sweep or shard.</exception>
    /// <exception cref="InvalidDataException">A complete line other than the last is corrupt.</exception>
    public static CalibrationJournal Open(string path, CalibrationHeader header, ShardSpec shard)
    {
        header.Validate();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var journal = new CalibrationJournal(stream, header, shard);
        try
        {
            journal.Recover();
            return journal;
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>Records a finished cell durably (written and flushed to disk before returning).</summary>
    /// <exception cref="InvalidDataException">The cell is not on this shard's part of the grid.</exception>
    /// <exception cref="ArgumentException">The cell is already recorded.</exception>
    public void Append(PerplexityCell cell)
    {
        int flat = RequireOwned(cell, "appended cell");
        if (_finished.ContainsKey(flat))
            throw new ArgumentException($"Cell (split {cell.Split}, intensity {cell.Intensity}, shape {cell.Shape}) is already in the journal.");
        WriteLine(JsonSerializer.Serialize(cell, CalibrationJson.SingleLine));
        _finished[flat] = cell;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void Recover()
    {
        var lines = ReadCompleteLines();
        if (lines.Count == 0)
        {
            WriteLine(JsonSerializer.Serialize(new JournalHeader(CalibrationFile.FormatVersion, _header, _shard), CalibrationJson.SingleLine));
            return;
        }
        RequireSameSweep(lines[0]);
        for (int i = 1; i < lines.Count; i++)
            AddRecoveredCell(lines[i], i + 1);
    }

    /// <summary>Reads the complete lines and cuts off a torn tail so later appends start on a fresh line.</summary>
    private List<string> ReadCompleteLines()
    {
        _stream.Position = 0;
        var bytes = new byte[_stream.Length];
        _stream.ReadExactly(bytes);
        int completeLength = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (completeLength < bytes.Length)
        {
            _stream.SetLength(completeLength);
            _stream.Flush(flushToDisk: true);
        }
        _stream.Position = completeLength;
        return [.. Encoding.UTF8.GetString(bytes, 0, completeLength).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private void RequireSameSweep(string line)
    {
        var recorded = Parse<JournalHeader>(line, 1);
        CalibrationFile.RequireVersion(recorded.FormatVersion);
        string? difference = _header.FirstDifference(recorded.Header);
        if (difference is null && recorded.Shard != _shard)
            difference = $"shard differs: {_shard} versus {recorded.Shard}";
        if (difference is not null)
            throw new InvalidOperationException(
                $"Journal '{Path}' belongs to a different sweep ({difference}). Rerun with the journal's settings, or delete the journal to start afresh.");
    }

    private void AddRecoveredCell(string line, int lineNumber)
    {
        var cell = Parse<PerplexityCell>(line, lineNumber);
        string field = $"journal '{Path}' line {lineNumber}";
        cell.Validate(field, _header.Evaluation.Tokens);
        int flat = RequireOwned(cell, field);
        if (!_finished.TryAdd(flat, cell))
            throw new InvalidDataException($"{field} repeats cell (split {cell.Split}, intensity {cell.Intensity}, shape {cell.Shape}).");
    }

    private T Parse<T>(string line, int lineNumber)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, CalibrationJson.SingleLine)
                ?? throw new InvalidDataException("the line is JSON null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Journal '{Path}' line {lineNumber} is corrupt ({e.Message}); only a torn last line is expected after a crash.", e);
        }
    }

    private int RequireOwned(PerplexityCell cell, string field)
    {
        var point = _header.Grid.Find(cell.Split, cell.Intensity, cell.Shape);
        int flat = point is { } p ? _header.Grid.FlatIndex(p) : -1;
        if (flat < 0 || !_shard.Owns(flat))
            throw new InvalidDataException($"{field}: cell (split {cell.Split}, intensity {cell.Intensity}, shape {cell.Shape}) is not on shard {_shard} of the grid.");
        return flat;
    }

    private void WriteLine(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + "\n");
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }
}
