using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Envs.Backends;

namespace SplitGym.Envs.Tests;

public class MonotoneCubicTests
{
    [Fact]
    public void PassesThroughEveryKnot()
    {
        double[] x = [0, 0.5, 2, 3];
        double[] y = [1, 1.2, 5, 5.5];
        var curve = new MonotoneCubic(x, y);
        for (int i = 0; i < x.Length; i++) Assert.Equal(y[i], curve.Evaluate(x[i]), 12);
    }

    [Fact]
    public void ReproducesLinearDataExactly()
    {
        var curve = new MonotoneCubic([0, 1, 3, 4], [1, 3, 7, 9]);
        foreach (double at in new[] { 0.25, 1.7, 2.2, 3.9 }) Assert.Equal(1 + 2 * at, curve.Evaluate(at), 12);
    }

    [Fact]
    public void ClampsOutsideTheKnots()
    {
        var curve = new MonotoneCubic([1, 2], [10, 20]);
        Assert.Equal(10, curve.Evaluate(-5));
        Assert.Equal(20, curve.Evaluate(7));
    }

    [Fact]
    public void MatchesHandComputedHermiteValue()
    {
        // Knots (0,0), (1,1), (2,4): secants 1 and 3; interior slope = harmonic (w1+w2)/(w1/1 + w2/3)
        // with w1 = w2 = 3 -> 6 / (3 + 1) = 1.5. End slope at 0: ((2+1)·1 − 1·3)/2 = 0.
        // At x = 0.5 on [0,1]: h00 = 0.5, h10 = 0.125, h01 = 0.5, h11 = −0.125 -> 0 + 0 + 0.5 − 0.125·1.5 = 0.3125.
        var curve = new MonotoneCubic([0, 1, 2], [0, 1, 4]);
        Assert.Equal(0.3125, curve.Evaluate(0.5), 12);
    }

    [Property(MaxTest = 200)]
    public void PreservesMonotonicityAndNeverOvershoots(PositiveInt[] gaps, NonNegativeInt[] rises)
    {
        int n = Math.Min(gaps.Length, rises.Length) + 1;
        if (n < 3) return;
        var x = new double[n];
        var y = new double[n];
        for (int i = 1; i < n; i++)
        {
            x[i] = x[i - 1] + gaps[i - 1].Get % 7 + 1;
            y[i] = y[i - 1] + rises[i - 1].Get % 5;
        }
        var curve = new MonotoneCubic(x, y);
        double previous = double.NegativeInfinity;
        for (double at = x[0]; at <= x[^1]; at += (x[^1] - x[0]) / 257)
        {
            double value = curve.Evaluate(at);
            Assert.True(value >= previous - 1e-9, $"Not monotone at {at}: {value} after {previous}.");
            Assert.InRange(value, y[0] - 1e-9, y[^1] + 1e-9);
            previous = value;
        }
    }

    [Fact]
    public void RejectsBrokenKnots()
    {
        Assert.Contains("strictly increasing", Assert.Throws<ArgumentException>(() => new MonotoneCubic([0, 1, 1], [0, 1, 2])).Message);
        Assert.Contains("at least two", Assert.Throws<ArgumentException>(() => new MonotoneCubic([0], [0])).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => new MonotoneCubic([0, 1], [0, double.NaN])).Message);
        Assert.Contains("values", Assert.Throws<ArgumentException>(() => new MonotoneCubic([0, 1], [0])).Message);
    }
}
