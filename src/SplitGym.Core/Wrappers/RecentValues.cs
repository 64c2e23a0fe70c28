using System.Collections;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// The last <see cref="Capacity"/> values added, oldest first (Gymnasium's bounded <c>deque</c>);
/// adding never allocates, so episode statistics can be kept on the vector hot path.
/// </summary>
public sealed class RecentValues : IReadOnlyCollection<double>
{
    private readonly double[] _values;
    private int _next;

    /// <summary>Keeps up to <paramref name="capacity"/> values.</summary>
    public RecentValues(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _values = new double[capacity];
    }

    /// <summary>The maximum number of values kept.</summary>
    public int Capacity => _values.Length;

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="value"/>, dropping the oldest value when full.</summary>
    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        Count = Math.Min(Count + 1, _values.Length);
    }

    /// <inheritdoc />
    public IEnumerator<double> GetEnumerator()
    {
        var oldest = Count < _values.Length ? 0 : _next;
        for (var i = 0; i < Count; i++)
        {
            yield return _values[(oldest + i) % _values.Length];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
