using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SplitGym.Analysis.Tests;

public class LoessTests
{
    private static readonly double[] X = [0, 1, 2, 3, 4, 5];
    private static readonly double[] Y = [1, 3, 2, 4, 6, 5];

    [Fact]
    public void Symmetric_neighbourhood_by_hand()
    {
        // n = 6, span 0.5 → q = ⌊3⌋ = 3. At x₀ = 1 the distances are 1, 0, 1, 2, 3, 4; the 3rd smallest
        // is 1, but with h = 1 only x = 1 has positive weight (d < h), so h grows to the next distance, 2.
        // Weights: x=1: d=0 → 1; x=0 and x=2: u = 1/2 → (1 − 1/8)³ = 343/512; x=3: u = 1 → 0.
        // The weighted x's are symmetric about x₀, so the local line's value at x₀ is the weighted mean:
        // (343/512·1 + 1·3 + 343/512·2) / (1 + 2·343/512) = (1029 + 1536) / (512 + 686) = 2565/1198.
        var loess = new Loess(X, Y, span: 0.5);
        Assert.Equal(2565.0 / 1198.0, loess.Predict(1), 12);
    }

    [Fact]
    public void Asymmetric_neighbourhood_by_hand()
    {
        // span 4/6 → q = 4. At x₀ = 0 the distances are 0..5; h = 3 (4th smallest).
        // Weights (t = x − x₀): t=0: 1; t=1: (1 − 1/27)³ = 17576/19683; t=2: (1 − 8/27)³ = 6859/19683; t=3: 0.
        // In units of 1/19683: W = 19683 + 17576 + 6859 = 44118, Σwt = 17576 + 2·6859 = 31294,
        // Σwy = 19683·1 + 17576·3 + 6859·2 = 86129, Σwt² = 17576 + 4·6859 = 45012, Σwty = 17576·3 + 4·6859 = 80164.
        // slope b = (W·Σwty − Σwt·Σwy) / (W·Σwt² − Σwt²) = 841354426 / 1006524980;
        // value at t = 0: a = (Σwy − b·Σwt) / W = 342046583/251631245 ≈ 1.3593168.
        var loess = new Loess(X, Y, span: 4.0 / 6.0);
        Assert.Equal(342046583.0 / 251631245.0, loess.Predict(0), 12);
    }

    [Fact]
    public void Tricube_kernel_values()
    {
        Assert.Equal(1, Loess.Tricube(0));
        Assert.Equal(343.0 / 512.0, Loess.Tricube(0.5), 15);
        Assert.Equal(0, Loess.Tricube(1));
        Assert.Equal(0, Loess.Tricube(1.5));
    }

    [Fact]
    public void Tied_grid_between_grid_values_interpolates_the_two_nearest_groups()
    {
        // x on a grid with 3 repeats each; at x₀ = 0.5 the 4 nearest points lie at distance 0.5 and would
        // all get weight 0: h grows to 1.5, the groups at 0 and 1 get equal weights and the line through
        // their means (2 and 4) gives 3 at the midpoint.
        double[] x = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3];
        double[] y = [1, 2, 3, 3, 4, 5, 9, 9, 9, 0, 0, 0];
        var loess = new Loess(x, y, span: 0.34);
        Assert.Equal(3, loess.Predict(0.5), 12);
    }

    [Theory]
    [InlineData(0.3, 0)]
    [InlineData(0.5, 0)]
    [InlineData(0.75, 2)]
    [InlineData(1.0, 3)]
    public void Matches_the_reference_implementation_on_noisy_data(double span, int robustness)
    {
        var random = new Random(7);
        double[] x = [.. Enumerable.Range(0, 40).Select(_ => Math.Round(random.NextDouble() * 20, 1))];
        double[] y = [.. x.Select(v => Math.Sin(v / 3) * 10 + random.NextDouble() * 4 - 2)];
        double[] at = [.. Enumerable.Range(0, 41).Select(i => i * 0.5)];
        var expected = ReferenceLoess.Predict(x, y, span, robustness, at);
        var actual = new Loess(x, y, span, robustness).Predict(at);
        for (int i = 0; i < at.Length; i++) Assert.Equal(expected[i], actual[i], 9);
    }

    [Property(MaxTest = 60)]
    public Property Matches_the_reference_implementation_on_random_data() =>
        Prop.ForAll(Gen.Choose(3, 25).SelectMany(n => Gen.Choose(-50, 50).ArrayOf(2 * n)).ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(),
            (values, spanTenths, robustness) =>
            {
                int n = values.Length / 2;
                double[] x = [.. values.Take(n).Select(v => v / 5.0)];
                double[] y = [.. values.Skip(n).Select(v => (double)v)];
                if (x.Distinct().Count() < 2) return true;
                double span = spanTenths / 10.0;
                double[] at = [.. x, x.Min() - 1, x.Max() + 1, (x.Min() + x.Max()) / 2];
                var expected = ReferenceLoess.Predict(x, y, span, robustness, at);
                var actual = new Loess(x, y, span, robustness).Predict(at);
                return expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) <= 1e-7 * (1 + Math.Abs(p.First)));
            });

    [Property(MaxTest = 60)]
    public Property Exact_on_linear_data() =>
        Prop.ForAll(Gen.Choose(2, 30).SelectMany(n => Gen.Choose(-100, 100).ArrayOf(n)).ToArbitrary(), Gen.Choose(-5, 5).ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(),
            (grid, slope, spanTenths) =>
            {
                double[] x = [.. grid.Select(v => v / 4.0)];
                if (x.Distinct().Count() < 2) return true;
                double[] y = [.. x.Select(v => 3 - slope * v)];
                var loess = new Loess(x, y, spanTenths / 10.0, robustnessIterations: 2);
                return x.Append(x.Max() + 3).All(v => Math.Abs(loess.Predict(v) - (3 - slope * v)) <= 1e-8 * (1 + Math.Abs(3 - slope * v)));
            });

    [Property(MaxTest = 40)]
    public Property Invariant_to_point_order() =>
        Prop.ForAll(Gen.Choose(3, 20).SelectMany(n => Gen.Choose(-30, 30).ArrayOf(2 * n)).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(),
            (values, shuffleSeed) =>
            {
                int n = values.Length / 2;
                double[] x = [.. values.Take(n).Select(v => v / 3.0)];
                double[] y = [.. values.Skip(n).Select(v => (double)v)];
                if (x.Distinct().Count() < 2) return true;
                int[] order = [.. Enumerable.Range(0, n)];
                new Random(shuffleSeed).Shuffle(order);
                var original = new Loess(x, y, 0.6, 1);
                var shuffled = new Loess([.. order.Select(i => x[i])], [.. order.Select(i => y[i])], 0.6, 1);
                return x.All(v => Math.Abs(original.Predict(v) - shuffled.Predict(v)) <= 1e-9 * (1 + Math.Abs(original.Predict(v))));
            });

    [Fact]
    public void Robustness_iterations_remove_the_pull_of_an_outlier()
    {
        double[] x = [.. Enumerable.Range(0, 30).Select(i => (double)i)];
        double[] y = [.. x.Select(v => 2 + 0.5 * v + 0.05 * Math.Sin(1.7 * v))];
        y[15] += 40;
        double MaxDeviation(Loess loess) => x.Where(v => v != 15).Max(v => Math.Abs(loess.Predict(v) - (2 + 0.5 * v)));
        var plain = new Loess(x, y, 0.3);
        var robust = new Loess(x, y, 0.3, robustnessIterations: 3);
        Assert.True(MaxDeviation(plain) > 1, $"without robustness the outlier should pull the fit; max deviation {MaxDeviation(plain)}");
        Assert.True(MaxDeviation(robust) < 0.1, $"with robustness the fit should follow the line; max deviation {MaxDeviation(robust)}");
        Assert.Equal(0, robust.RobustnessWeights[15]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Span_outside_zero_one_is_refused(double span)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Loess(X, Y, span));
        Assert.Contains("span", error.Message);
        Assert.Contains("(0, 1]", error.Message);
    }

    [Fact]
    public void Too_few_points_are_refused()
    {
        var none = Assert.Throws<ArgumentException>(() => new Loess([], [], 0.5));
        Assert.Contains("got 0 points", none.Message);
        var one = Assert.Throws<ArgumentException>(() => new Loess([1.0], [2.0], 0.5));
        Assert.Contains("got 1 point", one.Message);
        var tied = Assert.Throws<ArgumentException>(() => new Loess([3.0, 3.0, 3.0], [1.0, 2.0, 3.0], 0.5));
        Assert.Contains("x = 3", tied.Message);
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.PositiveInfinity, 1.0)]
    public void Non_finite_points_are_refused_with_their_index(double badX, double badY)
    {
        var error = Assert.Throws<ArgumentException>(() => new Loess([0, 1, badX, 3], [0, 1, badY, 3], 0.5));
        Assert.Contains("point 2", error.Message);
    }

    [Fact]
    public void Other_bad_arguments_are_refused()
    {
        Assert.Contains("3 x values and 2 y values", Assert.Throws<ArgumentException>(() => new Loess([0, 1, 2], [0, 1], 0.5)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Loess(X, Y, 0.5, robustnessIterations: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Loess(X, Y, 0.5).Predict(double.NaN));
    }
}
