namespace SplitGym.Analysis.Tests;

/// <summary>Learning-curve-shaped test data: a saturating rise with a per-seed offset, logged every 1,000 steps.</summary>
internal static class SyntheticCurves
{
    public static IReadOnlyList<TrainingCurve> Seeds(int count, double final, double offsetPerSeed = 1)
    {
        double[] steps = [.. Enumerable.Range(1, 50).Select(i => i * 1000.0)];
        return [.. Enumerable.Range(0, count).Select(seed =>
            new TrainingCurve(steps, [.. steps.Select(s => final * (1 - Math.Exp(-s / 12_000)) - 20 * Math.Exp(-s / 12_000) + offsetPerSeed * (seed - 1))]))];
    }
}
