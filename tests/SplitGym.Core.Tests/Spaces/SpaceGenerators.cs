using FsCheck;
using FsCheck.Fluent;
using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.Spaces;

/// <summary>FsCheck generators of spaces, covering every boundedness pattern of Box coordinates.</summary>
public static class SpaceGenerators
{
    /// <summary>The four kinds of Box coordinate Gymnasium samples differently.</summary>
    public enum Bounds
    {
        Both,
        LowOnly,
        HighOnly,
        Neither,
    }

    public static Gen<(double Low, double High)> Coordinate(Bounds bounds) =>
        from a in Gen.Choose(-100_000, 100_000)
        from width in Gen.Choose(0, 100_000)
        select bounds switch
        {
            Bounds.Both => (a / 100.0, (a + width) / 100.0),
            Bounds.LowOnly => (a / 100.0, double.PositiveInfinity),
            Bounds.HighOnly => (double.NegativeInfinity, a / 100.0),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };

    public static Gen<(double Low, double High)[]> Coordinates =>
        from size in Gen.Choose(1, 6)
        from coords in Gen.Elements(Bounds.Both, Bounds.LowOnly, Bounds.HighOnly, Bounds.Neither).SelectMany(Coordinate).ArrayOf(size)
        select coords;

    public static Arbitrary<Box<float>> FloatBoxes =>
        Coordinates.Select(c => new Box<float>([.. c.Select(x => (float)x.Low)], [.. c.Select(x => (float)x.High)])).ToArbitrary();

    public static Arbitrary<Box<double>> DoubleBoxes =>
        Coordinates.Select(c => new Box<double>([.. c.Select(x => x.Low)], [.. c.Select(x => x.High)])).ToArbitrary();

    public static Arbitrary<Box<int>> IntBoxes =>
        (from size in Gen.Choose(1, 6)
         from lows in Gen.Choose(-1000, 1000).ArrayOf(size)
         from widths in Gen.Choose(0, 50).ArrayOf(size)
         select new Box<int>(lows, [.. lows.Zip(widths, (l, w) => l + w)])).ToArbitrary();

    /// <summary>
    /// Any int64, uniform over its 64 bits, so most values lie far above 2^53 where a double skips
    /// integers; a third of the draws are edge values (the int64 limits and the first integers a
    /// double cannot hold).
    /// </summary>
    public static Gen<long> Int64s => Gen.Frequency(
        (2, Gen.Choose(0, ushort.MaxValue).ArrayOf(4).Select(parts => (long)parts.Aggregate(0UL, (bits, part) => (bits << 16) | (uint)part))),
        (1, Gen.Elements(long.MinValue, long.MinValue + 1, long.MaxValue - 1, long.MaxValue, -(1L << 53) - 1, (1L << 53) + 1, 0L)));

    /// <summary>int64 boxes anywhere in the int64 range, the full range [long.MinValue, long.MaxValue] included.</summary>
    public static Arbitrary<Box<long>> LongBoxes =>
        (from size in Gen.Choose(1, 6)
         from bounds in (from a in Int64s from b in Int64s select (Math.Min(a, b), Math.Max(a, b))).ArrayOf(size)
         select new Box<long>([.. bounds.Select(b => b.Item1)], [.. bounds.Select(b => b.Item2)])).ToArbitrary();

    /// <summary>uint8 boxes anywhere in [0, 255], including the full image range.</summary>
    public static Arbitrary<Box<byte>> ByteBoxes =>
        (from size in Gen.Choose(1, 6)
         from bounds in (from low in Gen.Choose(0, 255) from high in Gen.Choose(low, 255) select ((byte)low, (byte)high)).ArrayOf(size)
         select new Box<byte>([.. bounds.Select(b => b.Item1)], [.. bounds.Select(b => b.Item2)])).ToArbitrary();

    public static Gen<Discrete> Discretes =>
        from n in Gen.Choose(1, 40)
        from start in Gen.Choose(-50, 50)
        select new Discrete(n, start);

    public static Gen<MultiDiscrete> MultiDiscretes =>
        from size in Gen.Choose(1, 5)
        from nvec in Gen.Choose(1, 10).ArrayOf(size)
        from start in Gen.Choose(-5, 5).ArrayOf(size)
        select new MultiDiscrete(nvec, start);

    public static Gen<MultiBinary> MultiBinaries => Gen.Choose(1, 12).Select(n => new MultiBinary(n));

    public static Gen<Space> Leaves => Gen.OneOf(
        Discretes.Select(s => (Space)s),
        MultiDiscretes.Select(s => (Space)s),
        MultiBinaries.Select(s => (Space)s),
        FloatBoxes.Generator.Select(s => (Space)s),
        DoubleBoxes.Generator.Select(s => (Space)s),
        IntBoxes.Generator.Select(s => (Space)s),
        LongBoxes.Generator.Select(s => (Space)s),
        ByteBoxes.Generator.Select(s => (Space)s));

    public static Gen<Space> Composites => Gen.OneOf(
        Leaves.ArrayOf().Where(a => a.Length > 0).Select(a => (Space)new TupleSpace(a)),
        Leaves.ArrayOf().Where(a => a.Length > 0).Select(a => (Space)new DictSpace(a.Select((s, i) => KeyValuePair.Create($"k{i}", s)))),
        Leaves.ArrayOf().Where(a => a.Length > 0).Select(a => (Space)new DictSpace([KeyValuePair.Create("nested", (Space)new TupleSpace(a))])));

    public static Arbitrary<Space> AnySpace => Gen.OneOf(Leaves, Composites).ToArbitrary();
}
