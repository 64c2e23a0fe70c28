namespace SplitGym.Core.Spaces;

/// <summary>
/// Flattens elements of any space into one float32 vector, as Gymnasium's <c>flatten</c>/<c>flatten_space</c>:
/// Box and MultiBinary are ravelled, Discrete and MultiDiscrete become one-hot vectors, Dict (in key
/// order) and Tuple are concatenated. Unlike Gymnasium the result is always float32, because that is
/// what the agents' networks consume.
/// </summary>
public static class SpaceFlattening
{
    /// <summary>The length of the flattened vector of an element of <paramref name="space"/>.</summary>
    public static int FlatDim(Space space) => space switch
    {
        IBox b => b.Size,
        Discrete d => d.N,
        MultiDiscrete m => Sum(m.Nvec),
        MultiBinary m => m.Size,
        DictSpace d => d.Spaces.Values.Sum(FlatDim),
        TupleSpace t => t.Spaces.Sum(FlatDim),
        _ => throw Unsupported(space),
    };

    /// <summary>The box of all flattened elements (one-hot coordinates lie in [0, 1]).</summary>
    public static Box<float> FlattenSpace(Space space)
    {
        var low = new List<float>();
        var high = new List<float>();
        AppendBounds(space, low, high);
        return new Box<float>([.. low], [.. high]);
    }

    /// <summary>Flattens <paramref name="element"/> of <paramref name="space"/> into a new array.</summary>
    public static float[] Flatten(Space space, object element)
    {
        var flat = new float[FlatDim(space)];
        var written = FlattenInto(space, element, flat);
        return written == flat.Length ? flat : throw new ArgumentException($"Element does not match {space}: wrote {written} of {flat.Length} values.", nameof(element));
    }

    private static int FlattenInto(Space space, object element, Span<float> destination)
    {
        switch (space, element)
        {
            case (Discrete d, int value):
                return OneHot(value - d.Start, d.N, destination);
            case (MultiDiscrete m, int[] values):
                var offset = 0;
                for (var i = 0; i < values.Length; i++)
                {
                    offset += OneHot(values[i] - m.Start[i], m.Nvec[i], destination[offset..]);
                }
                return offset;
            case (DictSpace d, IReadOnlyDictionary<string, object> values):
                return FlattenParts([.. d.Spaces.Values], [.. d.Spaces.Keys.Select(k => values[k])], destination);
            case (TupleSpace t, object[] values) when values.Length == t.Spaces.Count:
                return FlattenParts(t.Spaces, values, destination);
            case (_, Array array) when array.Length == FlatDim(space):
                return CopyNumbers(array, destination);
            default:
                throw new ArgumentException($"Cannot flatten {element.GetType().Name} as an element of {space}.", nameof(element));
        }
    }

    private static int FlattenParts(IReadOnlyList<Space> spaces, IReadOnlyList<object> values, Span<float> destination)
    {
        var written = 0;
        for (var i = 0; i < spaces.Count; i++)
        {
            written += FlattenInto(spaces[i], values[i], destination[written..]);
        }
        return written;
    }

    private static int OneHot(int index, int n, Span<float> destination)
    {
        if ((uint)index >= (uint)n)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Expected an offset in [0, {n}).");
        }
        destination[..n].Clear();
        destination[index] = 1f;
        return n;
    }

    private static int CopyNumbers(Array array, Span<float> destination)
    {
        var i = 0;
        foreach (var value in array)
        {
            destination[i++] = Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return i;
    }

    private static void AppendBounds(Space space, List<float> low, List<float> high)
    {
        switch (space)
        {
            case IBox b:
                for (var i = 0; i < b.Size; i++)
                {
                    low.Add((float)b.LowerBound(i));
                    high.Add((float)b.UpperBound(i));
                }
                break;
            case DictSpace d:
                d.Spaces.Values.ToList().ForEach(sub => AppendBounds(sub, low, high));
                break;
            case TupleSpace t:
                t.Spaces.ToList().ForEach(sub => AppendBounds(sub, low, high));
                break;
            default:
                var n = FlatDim(space);
                low.AddRange(Enumerable.Repeat(0f, n));
                high.AddRange(Enumerable.Repeat(1f, n));
                break;
        }
    }

    private static int Sum(ReadOnlySpan<int> values)
    {
        var total = 0;
        foreach (var v in values)
        {
            total += v;
        }
        return total;
    }

    private static NotSupportedException Unsupported(Space space) => new($"Cannot flatten a {space.GetType().Name} ({space}).");
}
