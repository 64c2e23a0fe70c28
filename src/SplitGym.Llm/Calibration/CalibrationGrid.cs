using System.Text.Json.Serialization;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// The axes of a calibration: split points × channel intensities × fading shapes. Cells are
/// numbered row-major (split slowest, shape fastest), which is the order of a table's cells and the
/// order a sweep visits them, so all cells of one split are adjacent and share the split's cached
/// UE-side hidden states.
/// </summary>
/// <param name="Splits">Split points <c>p</c> (decoder layers on the UE), strictly increasing.</param>
/// <param name="Intensities">Noise σ (Nakagami-AWGN) or erasure probability q, strictly increasing.</param>
/// <param name="Shapes">Nakagami m, strictly increasing; for erasure a single placeholder 0 (no fading parameter).</param>
public sealed record CalibrationGrid(IReadOnlyList<int> Splits, IReadOnlyList<double> Intensities, IReadOnlyList<double> Shapes)
{
    /// <summary>Smallest Nakagami m: below 1/2 the Nakagami distribution is not defined.</summary>
    public const double MinimumNakagamiShape = 0.5;

    /// <summary>Number of cells, the product of the axis lengths.</summary>
    [JsonIgnore]
    public int CellCount => Splits.Count * Intensities.Count * Shapes.Count;

    /// <summary>Row-major position of a cell.</summary>
    public int FlatIndex(GridPoint point) =>
        (point.SplitIndex * Intensities.Count + point.IntensityIndex) * Shapes.Count + point.ShapeIndex;

    /// <summary>The axis indices of the cell at row-major position <paramref name="flatIndex"/>.</summary>
    public GridPoint PointAt(int flatIndex)
    {
        if (flatIndex < 0 || flatIndex >= CellCount)
            throw new ArgumentOutOfRangeException(nameof(flatIndex), flatIndex, $"Cell index must be in 0..{CellCount - 1}.");
        int shape = flatIndex % Shapes.Count;
        int rest = flatIndex / Shapes.Count;
        return new GridPoint(rest / Intensities.Count, rest % Intensities.Count, shape);
    }

    /// <summary>The axis indices of the cell at the given axis values, or null if a value is not on its axis.</summary>
    public GridPoint? Find(int split, double intensity, double shape)
    {
        int s = IndexOf(Splits, split), i = IndexOf(Intensities, intensity), k = IndexOf(Shapes, shape);
        return s < 0 || i < 0 || k < 0 ? null : new GridPoint(s, i, k);
    }

    /// <summary>True when both grids have exactly the same axis values.</summary>
    public bool SameAxes(CalibrationGrid other) =>
        Splits.SequenceEqual(other.Splits) && Intensities.SequenceEqual(other.Intensities) && Shapes.SequenceEqual(other.Shapes);

    internal void Validate(ChannelDescription channel, int numLayers)
    {
        Require.StrictlyIncreasing(Splits, "grid.splits");
        Require.StrictlyIncreasing(Intensities, "grid.intensities");
        Require.StrictlyIncreasing(Shapes, "grid.shapes");
        if (Splits[0] < 0 || Splits[^1] > numLayers)
            throw new InvalidDataException($"grid.splits must lie in 0..{numLayers} (the model's layers), got {Splits[0]}..{Splits[^1]}.");
        foreach (double intensity in Intensities)
            Require.FiniteNonNegative(intensity, "grid.intensities entry");
        if (channel.IsErasure)
            ValidateErasureAxes();
        else
            ValidateNakagamiShapes();
    }

    private void ValidateErasureAxes()
    {
        if (Intensities[^1] > 1)
            throw new InvalidDataException($"grid.intensities are erasure probabilities and must not exceed 1, got {Intensities[^1]}.");
        if (Shapes.Count != 1 || Shapes[0] != 0)
            throw new InvalidDataException($"grid.shapes of an erasure table must be the single placeholder [0] (erasure has no fading), got [{string.Join(", ", Shapes)}].");
    }

    private void ValidateNakagamiShapes()
    {
        if (!double.IsFinite(Shapes[^1]) || Shapes[0] < MinimumNakagamiShape)
            throw new InvalidDataException($"grid.shapes are Nakagami m values and must be finite and at least {MinimumNakagamiShape}, got [{string.Join(", ", Shapes)}].");
    }

    private static int IndexOf<T>(IReadOnlyList<T> axis, T value) where T : IEquatable<T>
    {
        for (int i = 0; i < axis.Count; i++)
        {
            if (axis[i].Equals(value))
                return i;
        }
        return -1;
    }
}
