using System.Collections;

namespace SplitGym.Core.Registration;

/// <summary>
/// Compares keyword-argument values by value, as Gymnasium's <c>EnvSpec</c> equality compares its
/// kwargs: two makes with equal <c>float[]</c> arguments are the same spec even though the arrays
/// are different objects. Collections are equal when they have the same type and shape and equal
/// elements in order; dictionaries when they have the same type and keys with equal values (in any
/// order); both recursively. Anything else (strings included) uses <see cref="object.Equals(object, object)"/>.
/// </summary>
internal sealed class KwargValueComparer : IEqualityComparer<object?>
{
    /// <summary>The comparer (it has no state).</summary>
    public static readonly KwargValueComparer Instance = new();

    private KwargValueComparer()
    {
    }

    /// <inheritdoc />
    public new bool Equals(object? x, object? y) => (x, y) switch
    {
        (string, _) or (_, string) => object.Equals(x, y),
        (IDictionary a, IDictionary b) => a.GetType() == b.GetType() && DictionariesEqual(a, b),
        (IEnumerable a, IEnumerable b) => a.GetType() == b.GetType() && SameShape(a, b) && a.Cast<object?>().SequenceEqual(b.Cast<object?>(), this),
        _ => object.Equals(x, y),
    };

    /// <summary>Consistent with <see cref="Equals(object?, object?)"/>: collections hash their elements in order, dictionaries their entries in any order.</summary>
    public int GetHashCode(object? value) => value switch
    {
        null => 0,
        string => value.GetHashCode(),
        IDictionary d => d.Keys.Cast<object>().Aggregate(0, (hash, key) => hash ^ HashCode.Combine(key, GetHashCode(d[key]))),
        IEnumerable items => items.Cast<object?>().Aggregate(value.GetType().GetHashCode(), (hash, item) => HashCode.Combine(hash, GetHashCode(item))),
        _ => value.GetHashCode(),
    };

    private bool DictionariesEqual(IDictionary a, IDictionary b) =>
        a.Count == b.Count && a.Keys.Cast<object>().All(key => b.Contains(key) && Equals(a[key], b[key]));

    /// <summary>Multidimensional arrays of the same type can hold the same elements in different shapes ([2, 3] and [3, 2]).</summary>
    private static bool SameShape(IEnumerable a, IEnumerable b) =>
        a is not Array first || b is not Array second
        || Enumerable.Range(0, first.Rank).All(d => first.GetLength(d) == second.GetLength(d));
}
