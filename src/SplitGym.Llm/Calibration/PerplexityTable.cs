using System.Text.Json.Serialization;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// A calibrated grid of live split-perplexity measurements for one model and one channel variant:
/// the data behind the environment's table reward backend. Cells are stored row-major over
/// [split, intensity, shape]; every cell carries its mean, standard error, repeats, tokens and the
/// per-draw values. Instances are always valid: the constructor (and so <see cref="Load"/>) checks
/// the format version, the axes, the cell count and every value.
/// </summary>
/// <remarks>
/// For the erasure variant the intensity axis holds erasure probabilities q and the shape axis is the
/// single placeholder <c>[0]</c>, since erasure has no fading parameter.
/// </remarks>
public sealed class PerplexityTable
{
    /// <summary>The file format version written by this code (older or newer files are refused).</summary>
    public const int CurrentFormatVersion = CalibrationFile.FormatVersion;

    /// <summary>Creates a table and validates it.</summary>
    /// <exception cref="InvalidDataException">Any part is invalid; the message names the field and value.</exception>
    [JsonConstructor]
    public PerplexityTable(int formatVersion, CalibrationHeader header, double cleanPerplexity, IReadOnlyList<PerplexityCell> cells)
    {
        CalibrationFile.RequireVersion(formatVersion);
        header.Validate();
        PerplexityCell.RequirePerplexity(cleanPerplexity, "cleanPerplexity");
        RequireCellsMatchGrid(header, cells);
        FormatVersion = formatVersion;
        Header = header;
        CleanPerplexity = cleanPerplexity;
        Cells = cells;
    }

    /// <summary>Creates a current-version table from a header, the clean perplexity and row-major cells.</summary>
    /// <exception cref="InvalidDataException">Any part is invalid.</exception>
    public PerplexityTable(CalibrationHeader header, double cleanPerplexity, IReadOnlyList<PerplexityCell> cells)
        : this(CurrentFormatVersion, header, cleanPerplexity, cells)
    {
    }

    /// <summary>Format version of the file this table came from.</summary>
    public int FormatVersion { get; }

    /// <summary>What was measured: model, evaluation, channel, repeat policy, grid.</summary>
    public CalibrationHeader Header { get; }

    /// <summary>Perplexity of the unsplit model without any channel, on the same text and windows.</summary>
    public double CleanPerplexity { get; }

    /// <summary>All cells, row-major over [split, intensity, shape].</summary>
    public IReadOnlyList<PerplexityCell> Cells { get; }

    /// <summary>The model the table was measured on; compare <see cref="ModelIdentity.Sha256"/> to the weights in use.</summary>
    [JsonIgnore]
    public ModelIdentity Model => Header.Model;

    /// <summary>The channel variant of this table.</summary>
    [JsonIgnore]
    public ChannelDescription Channel => Header.Channel;

    /// <summary>The evaluation text and windowing.</summary>
    [JsonIgnore]
    public EvaluationSettings Evaluation => Header.Evaluation;

    /// <summary>Split points, strictly increasing.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Splits => Header.Grid.Splits;

    /// <summary>Noise σ (or erasure q) values, strictly increasing.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Intensities => Header.Grid.Intensities;

    /// <summary>Nakagami m values, strictly increasing (the single placeholder 0 for erasure).</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Shapes => Header.Grid.Shapes;

    /// <summary>The cell at the given axis indices.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its axis.</exception>
    public PerplexityCell Cell(int splitIndex, int intensityIndex, int shapeIndex)
    {
        RequireIndex(splitIndex, Splits.Count, nameof(splitIndex));
        RequireIndex(intensityIndex, Intensities.Count, nameof(intensityIndex));
        RequireIndex(shapeIndex, Shapes.Count, nameof(shapeIndex));
        return Cells[Header.Grid.FlatIndex(new GridPoint(splitIndex, intensityIndex, shapeIndex))];
    }

    /// <summary>Reads and validates a table file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid table of this format version; the message names the file, field and value.</exception>
    public static PerplexityTable Load(string path) => CalibrationFile.Read<PerplexityTable>(path, "perplexity table");

    /// <summary>Writes the table as indented JSON, atomically (readers never see a partial file).</summary>
    public void Save(string path) => CalibrationFile.Write(path, this);

    private static void RequireIndex(int index, int count, string name)
    {
        if (index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(name, index, $"Index must be in 0..{count - 1}.");
    }

    private static void RequireCellsMatchGrid(CalibrationHeader header, IReadOnlyList<PerplexityCell> cells)
    {
        var grid = header.Grid;
        if (cells.Count != grid.CellCount)
            throw new InvalidDataException(
                $"cells has {cells.Count} entries but the grid {grid.Splits.Count} splits × {grid.Intensities.Count} intensities × {grid.Shapes.Count} shapes needs {grid.CellCount}.");
        for (int flat = 0; flat < cells.Count; flat++)
        {
            var point = grid.PointAt(flat);
            var cell = cells[flat];
            string field = $"cells[{flat}]";
            RequireCoordinates(cell, grid, point, field);
            cell.Validate(field, header.Evaluation.Tokens);
        }
    }

    private static void RequireCoordinates(PerplexityCell cell, CalibrationGrid grid, GridPoint point, string field)
    {
        int split = grid.Splits[point.SplitIndex];
        double intensity = grid.Intensities[point.IntensityIndex], shape = grid.Shapes[point.ShapeIndex];
        if (cell.Split != split || cell.Intensity != intensity || cell.Shape != shape)
            throw new InvalidDataException(
                $"{field} is at (split {cell.Split}, intensity {cell.Intensity}, shape {cell.Shape}) but row-major order expects (split {split}, intensity {intensity}, shape {shape}).");
    }
}
