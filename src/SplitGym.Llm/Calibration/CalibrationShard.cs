using System.Text.Json.Serialization;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// The complete result of one shard of a sharded sweep: the shard's cells (those it owns, in
/// row-major order) plus everything needed to check it against the other shards when merging.
/// Always valid: the constructor (and so <see cref="Load"/>) checks the header, that the cells are
/// exactly the shard's share of the grid, and every value.
/// </summary>
public sealed class CalibrationShard
{
    /// <summary>Creates a shard result and validates it.</summary>
    /// <exception cref="InvalidDataException">Any part is invalid; the message names the field and value.</exception>
    [JsonConstructor]
    public CalibrationShard(int formatVersion, CalibrationHeader header, ShardSpec shard, double cleanPerplexity, IReadOnlyList<PerplexityCell> cells)
    {
        CalibrationFile.RequireVersion(formatVersion);
        header.Validate();
        shard.Validate();
        PerplexityCell.RequirePerplexity(cleanPerplexity, "cleanPerplexity");
        RequireOwnedCells(header, shard, cells);
        FormatVersion = formatVersion;
        Header = header;
        Shard = shard;
        CleanPerplexity = cleanPerplexity;
        Cells = cells;
    }

    /// <summary>Creates a current-version shard result.</summary>
    public CalibrationShard(CalibrationHeader header, ShardSpec shard, double cleanPerplexity, IReadOnlyList<PerplexityCell> cells)
        : this(CalibrationFile.FormatVersion, header, shard, cleanPerplexity, cells)
    {
    }

    /// <summary>Format version of the file.</summary>
    public int FormatVersion { get; }

    /// <summary>The sweep's definition, identical across all shards of one sweep.</summary>
    public CalibrationHeader Header { get; }

    /// <summary>Which share of the grid this is.</summary>
    public ShardSpec Shard { get; }

    /// <summary>Perplexity of the unsplit model without a channel.</summary>
    public double CleanPerplexity { get; }

    /// <summary>The shard's cells in row-major order.</summary>
    public IReadOnlyList<PerplexityCell> Cells { get; }

    /// <summary>Reads and validates a shard file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid shard result.</exception>
    public static CalibrationShard Load(string path) => CalibrationFile.Read<CalibrationShard>(path, "calibration shard");

    /// <summary>Writes the shard result atomically.</summary>
    public void Save(string path) => CalibrationFile.Write(path, this);

    private static void RequireOwnedCells(CalibrationHeader header, ShardSpec shard, IReadOnlyList<PerplexityCell> cells)
    {
        var grid = header.Grid;
        var owned = shard.OwnedCells(grid.CellCount).ToList();
        if (cells.Count != owned.Count)
            throw new InvalidDataException($"cells has {cells.Count} entries but shard {shard} of a {grid.CellCount}-cell grid owns {owned.Count}.");
        for (int i = 0; i < cells.Count; i++)
        {
            string field = $"cells[{i}]";
            var cell = cells[i];
            var point = grid.PointAt(owned[i]);
            bool expected = grid.Find(cell.Split, cell.Intensity, cell.Shape) == point;
            if (!expected)
                throw new InvalidDataException(
                    $"{field} is (split {cell.Split}, intensity {cell.Intensity}, shape {cell.Shape}) but shard {shard} expects cell {owned[i]} there.");
            cell.Validate(field, header.Evaluation.Tokens);
        }
    }
}
