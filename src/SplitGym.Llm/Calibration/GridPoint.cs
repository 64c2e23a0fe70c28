namespace SplitGym.Llm.Calibration;

/// <summary>The indices of one cell of a <see cref="CalibrationGrid"/> along its three axes.</summary>
/// <param name="SplitIndex">Index into <see cref="CalibrationGrid.Splits"/>.</param>
/// <param name="IntensityIndex">Index into <see cref="CalibrationGrid.Intensities"/>.</param>
/// <param name="ShapeIndex">Index into <see cref="CalibrationGrid.Shapes"/>.</param>
public readonly record struct GridPoint(int SplitIndex, int IntensityIndex, int ShapeIndex);
