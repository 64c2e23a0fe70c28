using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SplitGym.Core.Spaces;

/// <summary>
/// A (possibly unbounded) box in R^n with element type <typeparamref name="T"/>, as Gymnasium's
/// <c>Box(low, high, shape, dtype)</c>. Elements are flat row-major arrays of <see cref="Size"/>
/// values; <see cref="Shape"/> records the logical shape.
/// </summary>
/// <remarks>
/// Sampling follows Gymnasium per coordinate: uniform on [low, high] when both bounds are finite,
/// low + Exp(1) when only the lower bound is finite, high − Exp(1) when only the upper bound is
/// finite, N(0, 1) when neither is. Integer boxes sample uniform on [low, high+1) and floor.
/// Samples are clamped into [low, high] after the cast, so they are never above high (an old
/// .NET port's bug) even where float rounding would otherwise push them out.
/// </remarks>
/// <typeparam name="T">float (float32), double (float64), int (int32), long (int64) or byte (uint8).</typeparam>
[JsonConverter(typeof(SpaceJsonConverterFactory))]
public sealed class Box<T> : Space<T[]>, IBox where T : unmanaged, INumber<T>
{
    private readonly T[] _low;
    private readonly T[] _high;
    private readonly int[] _shape;

    /// <summary>A box of the given shape whose every coordinate has the same bounds.</summary>
    public Box(T low, T high, params int[] shape)
        : this(Fill(low, shape), Fill(high, shape), shape)
    {
    }

    /// <summary>A box with per-coordinate bounds; <paramref name="shape"/> defaults to [low.Length].</summary>
    public Box(T[] low, T[] high, int[]? shape = null)
    {
        BoxDTypes.NameOf(typeof(T));
        _shape = shape is null ? [low.Length] : [.. shape];
        ValidateShape(_shape);
        var size = SizeOf(_shape);
        if (low.Length != size || high.Length != size)
        {
            throw new ArgumentException($"Box bounds must have {size} values for shape [{string.Join(", ", _shape)}], got low.Length={low.Length}, high.Length={high.Length}.");
        }
        _low = [.. low];
        _high = [.. high];
        ValidateBounds(_low, _high);
    }

    /// <summary>Gymnasium's dtype name of <typeparamref name="T"/> (float32, float64, int32, int64, uint8).</summary>
    public static string DType => BoxDTypes.NameOf(typeof(T));

    /// <summary>The lower bound of each coordinate (-∞ allowed for floating point).</summary>
    public ReadOnlySpan<T> Low => _low;

    /// <summary>The upper bound of each coordinate (+∞ allowed for floating point).</summary>
    public ReadOnlySpan<T> High => _high;

    /// <inheritdoc />
    public override IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of coordinates (product of the shape).</summary>
    public int Size => _low.Length;

    /// <inheritdoc />
    public string ElementDType => DType;

    /// <inheritdoc />
    public double LowerBound(int i) => double.CreateTruncating(_low[i]);

    /// <inheritdoc />
    public double UpperBound(int i) => double.CreateTruncating(_high[i]);

    /// <inheritdoc />
    public bool IsPinned(int i) => _low[i] == _high[i];

    /// <summary>Whether coordinate <paramref name="i"/> has a finite lower bound.</summary>
    public bool IsBoundedBelow(int i) => IsFinite(_low[i]);

    /// <summary>Whether coordinate <paramref name="i"/> has a finite upper bound.</summary>
    public bool IsBoundedAbove(int i) => IsFinite(_high[i]);

    /// <inheritdoc />
    public override T[] Sample()
    {
        var sample = new T[Size];
        SampleInto(sample);
        return sample;
    }

    /// <summary>Writes a sample into <paramref name="destination"/> without allocating.</summary>
    public void SampleInto(Span<T> destination)
    {
        if (destination.Length != Size)
        {
            throw new ArgumentException($"Expected a destination of length {Size}, got {destination.Length}.", nameof(destination));
        }
        for (var i = 0; i < Size; i++)
        {
            destination[i] = SampleCoordinate(i);
        }
    }

    /// <inheritdoc />
    public override bool Contains(T[] value) => value is not null && Contains((ReadOnlySpan<T>)value);

    /// <summary>Whether <paramref name="value"/> has <see cref="Size"/> coordinates, each within its bounds (NaN is never contained).</summary>
    public bool Contains(ReadOnlySpan<T> value)
    {
        if (value.Length != Size)
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (!(value[i] >= _low[i] && value[i] <= _high[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(Space? other) =>
        other is Box<T> box && box._shape.AsSpan().SequenceEqual(_shape)
        && box._low.AsSpan().SequenceEqual(_low) && box._high.AsSpan().SequenceEqual(_high);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DType, Size, _low[0], _high[0]);

    /// <inheritdoc />
    public override string ToString() => $"Box({BoundText(_low)}, {BoundText(_high)}, ({string.Join(", ", _shape)}), {DType})";

    /// <inheritdoc />
    public override JsonObject ToJsonNode() => new()
    {
        ["type"] = "Box",
        ["dtype"] = DType,
        ["shape"] = new JsonArray([.. _shape.Select(s => (JsonNode)s)]),
        ["low"] = BoundJson(_low),
        ["high"] = BoundJson(_high),
    };

    internal static Box<T> FromJsonNode(JsonObject node) =>
        new(ReadBound(node, "low"), ReadBound(node, "high"), SpaceJson.IntArray(node, "shape"));

    private T SampleCoordinate(int i)
    {
        var integer = !IsFloatingPoint;
        var low = double.CreateTruncating(_low[i]);
        var high = double.CreateTruncating(_high[i]) + (integer ? 1.0 : 0.0);
        double value = (IsBoundedBelow(i), IsBoundedAbove(i)) switch
        {
            (true, true) => Random.NextUniform(low, high),
            (true, false) => low + Random.NextExponential(),
            (false, true) => high - Random.NextExponential(),
            _ => Random.NextGaussian(),
        };
        if (integer)
        {
            value = Math.Floor(value);
        }
        return T.Clamp(T.CreateSaturating(value), _low[i], _high[i]);
    }

    private static bool IsFloatingPoint => typeof(T) == typeof(float) || typeof(T) == typeof(double);

    private static bool IsFinite(T value) => T.IsFinite(value);

    /// <summary>
    /// Floating-point bounds are written as doubles (infinities as "inf"/"-inf"); integer bounds as
    /// exact JSON integers, because a double cannot hold every int64 (above 2^53 it skips integers).
    /// </summary>
    private static JsonArray BoundJson(T[] bound) => IsFloatingPoint
        ? SpaceJson.NumberArray(bound.Select(double.CreateTruncating))
        : SpaceJson.IntegerArray(bound.Select(long.CreateTruncating));

    private static T[] ReadBound(JsonObject node, string name) => IsFloatingPoint
        ? [.. SpaceJson.DoubleArray(node, name).Select(T.CreateSaturating)]
        : [.. SpaceJson.LongArray(node, name).Select(value => ToInteger(value, name))];

    /// <summary>Converts an integer bound read from JSON to <typeparamref name="T"/>, rejecting values the dtype cannot hold instead of wrapping them.</summary>
    private static T ToInteger(long value, string name)
    {
        var element = T.CreateTruncating(value);
        return long.CreateTruncating(element) == value
            ? element
            : throw new FormatException($"Box bound '{name}' value {value} is outside the range of the dtype {DType}.");
    }

    private static T[] Fill(T value, int[] shape)
    {
        ValidateShape(shape);
        var values = new T[SizeOf(shape)];
        Array.Fill(values, value);
        return values;
    }

    private static int SizeOf(int[] shape) => shape.Aggregate(1, (product, dim) => checked(product * dim));

    private static void ValidateShape(int[] shape)
    {
        if (shape.Length == 0 || shape.Any(d => d <= 0))
        {
            throw new ArgumentException($"A Box shape needs at least one dimension, all positive; got [{string.Join(", ", shape)}].", nameof(shape));
        }
    }

    private static void ValidateBounds(T[] low, T[] high)
    {
        for (var i = 0; i < low.Length; i++)
        {
            if (T.IsNaN(low[i]) || T.IsNaN(high[i]) || low[i] > high[i]
                || T.IsPositiveInfinity(low[i]) || T.IsNegativeInfinity(high[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Box bound {i} must satisfy low <= high with low < +inf and high > -inf, got low={low[i]}, high={high[i]}."));
            }
        }
    }

    private static string BoundText(T[] bound) => bound.All(b => b == bound[0])
        ? bound[0].ToString(null, CultureInfo.InvariantCulture)
        : $"[{string.Join(", ", bound.Select(b => b.ToString(null, CultureInfo.InvariantCulture)))}]";
}
