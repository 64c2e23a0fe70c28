namespace SplitGym.Analysis;

/// <summary>
/// The LOESS trend of the chosen split against σ for one Nakagami m (a line of the policy map).
/// </summary>
/// <param name="Shape">Nakagami shape m of the points this trend was fitted to.</param>
/// <param name="Sigma">Evenly spaced σ from the smallest to the largest σ of those points (noise units).</param>
/// <param name="Split">The LOESS value of the chosen split at each σ (layers on the UE).</param>
public sealed record PolicyTrend(double Shape, double[] Sigma, double[] Split);
