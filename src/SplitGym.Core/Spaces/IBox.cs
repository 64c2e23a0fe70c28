namespace SplitGym.Core.Spaces;

/// <summary>
/// The element-type-independent view of a <see cref="Box{T}"/>: bounds as doubles, so flattening
/// and checking code can treat float32, float64 and integer boxes alike.
/// </summary>
public interface IBox
{
    /// <summary>The number of coordinates.</summary>
    int Size { get; }

    /// <summary>Gymnasium's dtype name of the elements (float32, float64, int32, int64, uint8).</summary>
    string ElementDType { get; }

    /// <summary>The lower bound of coordinate <paramref name="i"/> as a double.</summary>
    double LowerBound(int i);

    /// <summary>The upper bound of coordinate <paramref name="i"/> as a double.</summary>
    double UpperBound(int i);

    /// <summary>
    /// Whether coordinate <paramref name="i"/> can take a single value (low equals high), compared in the
    /// element type: int64 bounds that differ only beyond 2^53 look equal as doubles but are not.
    /// </summary>
    bool IsPinned(int i);
}
