using System.Collections;

namespace SplitGym.Core.Checking;

/// <summary>
/// Structural equality of observations, rewards and infos, as Gymnasium's <c>data_equivalence</c>:
/// same runtime types, same keys/lengths, arrays equal within rtol = atol = 1e-5 (or exactly).
/// Scalars compare with <c>==</c>, so a NaN is never equivalent to anything (as in numpy).
/// </summary>
public static class DataEquivalence
{
    private const double Tolerance = 1e-5;

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are equivalent; <paramref name="exact"/> disables the array tolerance.</summary>
    public static bool Equivalent(object? a, object? b, bool exact = false)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        if (a.GetType() != b.GetType())
        {
            return false;
        }
        return (a, b) switch
        {
            (IDictionary da, IDictionary db) => DictionariesEquivalent(da, db, exact),
            (float[] fa, float[] fb) => NumbersEquivalent(fa.Select(x => (double)x), fb.Select(x => (double)x), fa.Length, fb.Length, exact),
            (double[] xa, double[] xb) => NumbersEquivalent(xa, xb, xa.Length, xb.Length, exact),
            (IList la, IList lb) => la.Count == lb.Count && Enumerable.Range(0, la.Count).All(i => Equivalent(la[i], lb[i], exact)),
            (double x, double y) => x == y,
            (float x, float y) => x == y,
            _ => a.Equals(b),
        };
    }

    private static bool DictionariesEquivalent(IDictionary a, IDictionary b, bool exact) =>
        a.Count == b.Count && a.Keys.Cast<object>().All(k => b.Contains(k) && Equivalent(a[k], b[k], exact));

    private static bool NumbersEquivalent(IEnumerable<double> a, IEnumerable<double> b, int lengthA, int lengthB, bool exact) =>
        lengthA == lengthB && a.Zip(b).All(p => exact ? p.First == p.Second : Math.Abs(p.First - p.Second) <= Tolerance + Tolerance * Math.Abs(p.Second));
}
