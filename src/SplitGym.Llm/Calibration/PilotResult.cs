namespace SplitGym.Llm.Calibration;

/// <summary>
/// A quick pilot measurement: perplexity degradation <c>PPL / PPL_clean</c> at a few split points
/// over a wide, coarse range of candidate intensities, used to choose the intensity grid of a sweep.
/// </summary>
/// <param name="Splits">Probed split points.</param>
/// <param name="Intensities">Candidate intensities, increasing.</param>
/// <param name="Shape">Nakagami m used for every probe.</param>
/// <param name="CleanPerplexity">Perplexity of the unsplit model without a channel.</param>
/// <param name="Ratios">Degradation <c>PPL / PPL_clean</c> indexed [split, intensity].</param>
public sealed record PilotResult(
    IReadOnlyList<int> Splits,
    IReadOnlyList<double> Intensities,
    double Shape,
    double CleanPerplexity,
    double[,] Ratios)
{
    /// <summary>Largest degradation over the probed splits at intensity index <paramref name="intensityIndex"/> (the most fragile split).</summary>
    public double WorstRatio(int intensityIndex) => Enumerable.Range(0, Splits.Count).Max(s => Ratios[s, intensityIndex]);

    /// <summary>Smallest degradation over the probed splits at intensity index <paramref name="intensityIndex"/> (the most robust split).</summary>
    public double BestRatio(int intensityIndex) => Enumerable.Range(0, Splits.Count).Min(s => Ratios[s, intensityIndex]);
}
