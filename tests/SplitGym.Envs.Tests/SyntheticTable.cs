using SplitGym.Envs.Backends;
using SplitGym.Llm.Calibration;

namespace SplitGym.Envs.Tests;

/// <summary>
/// A small calibration table written by the tests from a known smooth perplexity law, so env tests
/// do not depend on the shipped assets: deeper splits are more robust to noise, and fading (small m)
/// hurts, which is the qualitative behaviour of the real model.
/// </summary>
internal static class SyntheticTable
{
    public const int Layers = 12;
    public const double Clean = 5.0;
    public static readonly double[] Sigmas = [0.05, 0.1, 0.2, 0.4, 0.8];
    public static readonly double[] Shapes = [0.5, 1, 2, 4, 8];

    /// <summary>The law the table samples: PPL = clean·(1 + (σ/s(p))²·(1 + 1/m)), s(p) = 0.1 + 0.06·p.</summary>
    public static double Law(int split, double sigma, double shape)
    {
        double robustness = 0.1 + 0.06 * split;
        return Clean * (1 + Math.Pow(sigma / robustness, 2) * (1 + 1 / shape));
    }

    /// <summary>Compute shares of the synthetic model: embedding 4 %, layers 90 % in equal parts, head 6 %.</summary>
    public static double[] ComputeShares()
    {
        var shares = new double[Layers + 1];
        for (int p = 0; p <= Layers; p++) shares[p] = 0.04 + 0.9 * p / Layers;
        return shares;
    }

    /// <summary>Expected reward of the default form for splits 1..L−1 (index p − 1) at a table knot, straight from the law.</summary>
    public static double[] LawRewards(double sigma, double shape, double lambda)
    {
        var shares = ComputeShares();
        return [.. Enumerable.Range(1, Layers - 1).Select(p => -(Law(p, sigma, shape) / Clean - 1) - lambda * shares[p])];
    }

    public static readonly double[] ErasureProbabilities = [0.01, 0.05, 0.1, 0.2, 0.3];

    /// <summary>The erasure law: PPL = clean·(1 + (q/r(p))²), r(p) = 0.05 + 0.02·p.</summary>
    public static double ErasureLaw(int split, double q) => Clean * (1 + Math.Pow(q / (0.05 + 0.02 * split), 2));

    private const string AnySha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static PerplexityTable Build(string sha256 = AnySha, double spread = 0.02) =>
        Build(sha256, ChannelDescription.DefaultNakagami, Sigmas, Shapes, (p, sigma, m) => Law(p, sigma, m), spread);

    /// <summary>A Nakagami table on the usual grid sampling <paramref name="law"/> (split, σ, m) instead of <see cref="Law"/>.</summary>
    public static PerplexityTable Build(string sha256, Func<int, double, double, double> law) =>
        Build(sha256, ChannelDescription.DefaultNakagami, Sigmas, Shapes, law, 0.02);

    public static PerplexityTable BuildErasure(string sha256 = AnySha) =>
        Build(sha256, ChannelDescription.DefaultErasure, ErasureProbabilities, [0], (p, q, _) => ErasureLaw(p, q), 0.02);

    private static PerplexityTable Build(string sha256, ChannelDescription channel, double[] intensities, double[] shapes, Func<int, double, double, double> law, double spread)
    {
        var splits = Enumerable.Range(1, Layers - 1).ToArray();
        var header = new CalibrationHeader(
            new ModelIdentity("synthetic", sha256, Layers),
            new EvaluationSettings("test", sha256, 64, 32, 1024),
            channel,
            new SweepSettings(4, 4, 0.02, 7),
            new CalibrationGrid(splits, intensities, shapes));
        var cells = new List<PerplexityCell>();
        foreach (int p in splits)
            foreach (double intensity in intensities)
                foreach (double shape in shapes)
                {
                    double mean = law(p, intensity, shape);
                    double[] draws = [mean * (1 - spread), mean * (1 + spread), mean * (1 - spread), mean * (1 + spread)];
                    cells.Add(PerplexityCell.FromDraws(p, intensity, shape, 1024, draws));
                }
        return new PerplexityTable(header, Clean, cells);
    }

    public static TableBackend Backend(bool deterministic = false) => new(Build(), ComputeShares(), deterministic);
}
