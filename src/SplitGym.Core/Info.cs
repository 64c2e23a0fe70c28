namespace SplitGym.Core;

/// <summary>
/// The auxiliary-information dictionary returned by <c>Reset</c> and <c>Step</c> (Gymnasium's
/// <c>info</c>): diagnostics that are not part of the observation, keyed by name.
/// </summary>
public sealed class Info : Dictionary<string, object?>
{
    /// <summary>An empty info dictionary.</summary>
    public Info() : base(StringComparer.Ordinal)
    {
    }

    /// <summary>A copy of <paramref name="entries"/>.</summary>
    public Info(IEnumerable<KeyValuePair<string, object?>> entries) : base(entries, StringComparer.Ordinal)
    {
    }
}
