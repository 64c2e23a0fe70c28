using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.Spaces;

public sealed class BoxTests
{
    [Property]
    public Property Float32_samples_never_leave_the_bounds_for_any_boundedness_pattern() =>
        Prop.ForAll(SpaceGenerators.FloatBoxes, Gen.Choose(0, int.MaxValue).ToArbitrary(), SamplesStayInBounds);

    [Property]
    public Property Float64_samples_never_leave_the_bounds_for_any_boundedness_pattern() =>
        Prop.ForAll(SpaceGenerators.DoubleBoxes, Gen.Choose(0, int.MaxValue).ToArbitrary(), SamplesStayInBounds);

    [Property]
    public Property Integer_samples_stay_in_bounds_and_reach_both_ends_of_small_ranges() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (low, width) =>
        {
            var box = new Box<int>(low, low + width, 1);
            box.Seed(low);
            var values = Enumerable.Range(0, 400).Select(_ => box.Sample()[0]).ToHashSet();
            return values.SetEquals(Enumerable.Range(low, width + 1));
        });

    [Fact]
    public void A_float32_box_whose_high_rounds_up_still_never_samples_above_high()
    {
        var high = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1f) - 1);
        var box = new Box<float>(high - 1e-6f, high, 1);
        box.Seed(3);
        Assert.All(Enumerable.Range(0, 10_000), _ => Assert.True(box.Sample()[0] <= high));
    }

    [Theory]
    [InlineData(2.0, double.PositiveInfinity, 3.0, 1.0)]   // shifted exponential: mean low + 1, variance 1
    [InlineData(double.NegativeInfinity, -2.0, -3.0, 1.0)] // negative shifted exponential: mean high - 1
    [InlineData(double.NegativeInfinity, double.PositiveInfinity, 0.0, 1.0)] // standard normal
    [InlineData(-1.0, 3.0, 1.0, 16.0 / 12.0)]               // uniform: mean (a+b)/2, variance (b-a)^2/12
    public void Sampling_uses_gymnasiums_distribution_for_each_boundedness(double low, double high, double mean, double variance)
    {
        var box = new Box<double>(low, high, 1);
        box.Seed(11);
        var samples = Enumerable.Range(0, 100_000).Select(_ => box.Sample()[0]).ToArray();
        var sampleMean = samples.Average();
        Assert.InRange(sampleMean, mean - 0.02, mean + 0.02);
        Assert.InRange(samples.Select(x => (x - sampleMean) * (x - sampleMean)).Average(), variance * 0.97, variance * 1.03);
    }

    [Fact]
    public void Contains_checks_length_bounds_and_nan()
    {
        var box = new Box<float>([0f, -1f], [1f, 1f]);
        Assert.True(box.Contains([0.5f, -1f]));
        Assert.False(box.Contains([0.5f]));
        Assert.False(box.Contains([1.5f, 0f]));
        Assert.False(box.Contains([float.NaN, 0f]));
        Assert.False(box.Contains((float[])null!));
        Assert.False(box.ContainsObject(new double[] { 0.5, 0 }));
    }

    [Fact]
    public void Shape_and_dtype_are_recorded_and_validated()
    {
        var box = new Box<double>(0, 1, 2, 3);
        Assert.Equal([2, 3], box.Shape);
        Assert.Equal(6, box.Size);
        Assert.Equal("float64", Box<double>.DType);
        Assert.Equal("Box(0, 1, (2, 3), float64)", box.ToString());
        Assert.Contains("all positive; got [2, 0]", Assert.Throws<ArgumentException>(() => new Box<float>(0, 1, 2, 0)).Message);
        Assert.Contains("low=1, high=0", Assert.Throws<ArgumentException>(() => new Box<float>(1, 0, 1)).Message);
        Assert.Contains("low=Infinity", Assert.Throws<ArgumentException>(() => new Box<float>(float.PositiveInfinity, float.PositiveInfinity, 1)).Message);
        Assert.Contains("Box element type Int16 is not supported", Assert.Throws<NotSupportedException>(() => new Box<short>(0, 1, 1)).Message);
    }

    private static bool SamplesStayInBounds<T>(Box<T> box, int seed) where T : unmanaged, System.Numerics.INumber<T>
    {
        box.Seed(seed);
        var (low, high) = (box.Low.ToArray(), box.High.ToArray());
        return Enumerable.Range(0, 50).Select(_ => box.Sample()).All(x => x.Length == low.Length && x.Select((v, i) => v >= low[i] && v <= high[i]).All(b => b));
    }
}
