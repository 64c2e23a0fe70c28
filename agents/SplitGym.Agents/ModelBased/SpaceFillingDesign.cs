using SplitGym.Core;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// Designs of points in the unit cube: a maximin Latin hypercube (every coordinate stratified into
/// n equal cells with exactly one point each, and of several such designs the one whose closest two
/// points are farthest apart), and i.i.d. uniform points (the paper-style baseline's sampling).
/// </summary>
public static class SpaceFillingDesign
{
    /// <summary>A maximin Latin hypercube of <paramref name="count"/> points in [0, 1)^<paramref name="dimensions"/>, the best of <paramref name="tries"/> random ones.</summary>
    public static double[][] LatinHypercube(int count, int dimensions, Rng rng, int tries = 16)
    {
        Check(count, dimensions);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(tries, 1);
        double[][] best = [];
        double bestDistance = double.NegativeInfinity;
        for (int t = 0; t < tries; t++)
        {
            var design = OneLatinHypercube(count, dimensions, rng);
            double distance = MinimumDistance(design);
            if (distance > bestDistance) (best, bestDistance) = (design, distance);
        }
        return best;
    }

    /// <summary><paramref name="count"/> independent uniform points in [0, 1)^<paramref name="dimensions"/>.</summary>
    public static double[][] Uniform(int count, int dimensions, Rng rng)
    {
        Check(count, dimensions);
        ArgumentNullException.ThrowIfNull(rng);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimensions).Select(_ => rng.NextDouble()).ToArray())];
    }

    /// <summary>The smallest Euclidean distance between two points of <paramref name="points"/> (+∞ for fewer than two).</summary>
    public static double MinimumDistance(IReadOnlyList<double[]> points)
    {
        double best = double.PositiveInfinity;
        for (int i = 0; i < points.Count; i++)
            for (int j = i + 1; j < points.Count; j++)
                best = Math.Min(best, Distance(points[i], points[j]));
        return best;
    }

    /// <summary>Euclidean distance of two points.</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int d = 0; d < a.Length; d++) sum += (a[d] - b[d]) * (a[d] - b[d]);
        return Math.Sqrt(sum);
    }

    private static double[][] OneLatinHypercube(int count, int dimensions, Rng rng)
    {
        var points = Enumerable.Range(0, count).Select(_ => new double[dimensions]).ToArray();
        var cells = new int[count];
        for (int d = 0; d < dimensions; d++)
        {
            for (int i = 0; i < count; i++) cells[i] = i;
            for (int i = count - 1; i > 0; i--)
            {
                int j = rng.NextInt(i + 1);
                (cells[i], cells[j]) = (cells[j], cells[i]);
            }
            for (int i = 0; i < count; i++) points[i][d] = (cells[i] + rng.NextDouble()) / count;
        }
        return points;
    }

    private static void Check(int count, int dimensions)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "A design needs at least one point.");
        if (dimensions < 1) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "A design needs at least one dimension.");
    }
}
