using SplitGym.Llm.Calibration;

namespace SplitGym.Llm.Tests.Calibration;

/// <summary>Small valid headers and tables for the calibration tests.</summary>
internal static class CalibrationSamples
{
    public const int Tokens = 64;

    public static readonly string Hash = new('a', 64);

    public static CalibrationHeader Header(
        int[]? splits = null, double[]? intensities = null, double[]? shapes = null, ChannelDescription? channel = null) =>
        new(
            new ModelIdentity("tiny-test", Hash, 4),
            new EvaluationSettings("test/text", new string('b', 64), 16, 16, Tokens),
            channel ?? ChannelDescription.DefaultNakagami,
            new SweepSettings(2, 6, 0.02, 7),
            new CalibrationGrid(splits ?? [1, 2, 3], intensities ?? [0, 0.5], shapes ?? [0.5, 1, 4]));

    /// <summary>A complete table whose cell values are a simple function of the coordinates.</summary>
    public static PerplexityTable Table(CalibrationHeader? header = null)
    {
        header ??= Header();
        var grid = header.Grid;
        var cells = Enumerable.Range(0, grid.CellCount).Select(flat => CellAt(grid, flat)).ToList();
        return new PerplexityTable(header, 3.5, cells);
    }

    public static PerplexityCell CellAt(CalibrationGrid grid, int flat)
    {
        var point = grid.PointAt(flat);
        double centre = 4 + flat;
        return PerplexityCell.FromDraws(
            grid.Splits[point.SplitIndex], grid.Intensities[point.IntensityIndex], grid.Shapes[point.ShapeIndex],
            Tokens, [centre - 0.01, centre + 0.01, centre]);
    }

    public static string TempFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "splitgym-calibration-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
