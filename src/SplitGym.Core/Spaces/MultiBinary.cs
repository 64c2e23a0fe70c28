using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SplitGym.Core.Spaces;

/// <summary>
/// Binary vectors (each element 0 or 1) of a fixed shape, as Gymnasium's <c>MultiBinary(n)</c>.
/// Elements are flat row-major byte arrays of <see cref="Size"/> entries.
/// </summary>
[JsonConverter(typeof(SpaceJsonConverterFactory))]
public sealed class MultiBinary : Space<byte[]>
{
    /// <summary>Mask value meaning "this element may be 0 or 1" (Gymnasium uses 2 for this).</summary>
    public const byte Free = 2;

    private readonly int[] _shape;

    /// <summary>Creates the space of binary arrays with the given shape (a single number for a vector).</summary>
    public MultiBinary(params int[] shape)
    {
        if (shape.Length == 0 || shape.Any(d => d <= 0))
        {
            throw new ArgumentException($"MultiBinary needs at least one dimension, all positive; got [{string.Join(", ", shape)}].", nameof(shape));
        }
        _shape = [.. shape];
        Size = shape.Aggregate(1, (product, dim) => checked(product * dim));
    }

    /// <summary>The number of binary elements.</summary>
    public int Size { get; }

    /// <inheritdoc />
    public override IReadOnlyList<int> Shape => _shape;

    /// <inheritdoc />
    public override byte[] Sample()
    {
        var sample = new byte[Size];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = (byte)Random.NextInt(2);
        }
        return sample;
    }

    /// <summary>
    /// A sample where mask value 0 forces the element to 0, 1 forces it to 1 and <see cref="Free"/>
    /// leaves it random, as Gymnasium's masked <c>MultiBinary.sample</c>.
    /// </summary>
    public byte[] Sample(ReadOnlySpan<byte> mask)
    {
        if (mask.Length != Size)
        {
            throw new ArgumentException($"Expected a mask of length {Size}, got {mask.Length}.", nameof(mask));
        }
        var sample = new byte[Size];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = mask[i] switch
            {
                0 or 1 => mask[i],
                Free => (byte)Random.NextInt(2),
                _ => throw new ArgumentException($"MultiBinary mask values must be 0, 1 or {Free}; got {mask[i]} at index {i}.", nameof(mask)),
            };
        }
        return sample;
    }

    /// <inheritdoc />
    public override bool Contains(byte[] value) => value is not null && value.Length == Size && value.All(b => b <= 1);

    /// <inheritdoc />
    public override bool Equals(Space? other) => other is MultiBinary m && m._shape.AsSpan().SequenceEqual(_shape);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(nameof(MultiBinary), Size, _shape.Length);

    /// <inheritdoc />
    public override string ToString() => $"MultiBinary({string.Join(", ", _shape)})";

    /// <inheritdoc />
    public override JsonObject ToJsonNode() => new()
    {
        ["type"] = nameof(MultiBinary),
        ["shape"] = new JsonArray([.. _shape.Select(s => (JsonNode)s)]),
    };

    internal static MultiBinary FromJsonNode(JsonObject node) => new(SpaceJson.IntArray(node, "shape"));
}
