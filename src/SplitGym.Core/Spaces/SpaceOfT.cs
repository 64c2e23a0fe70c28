namespace SplitGym.Core.Spaces;

/// <summary>
/// A space whose elements have the C# type <typeparamref name="T"/>; environments declare their
/// spaces with this type so that observations and actions are checked at compile time.
/// </summary>
/// <typeparam name="T">The element type, e.g. <c>int</c> for <see cref="Discrete"/>, <c>float[]</c> for <c>Box&lt;float&gt;</c>.</typeparam>
public abstract class Space<T> : Space
{
    /// <summary>A random element drawn with this space's generator (see <see cref="Space.Seed"/>).</summary>
    public abstract T Sample();

    /// <summary>Whether <paramref name="value"/> is an element of this space.</summary>
    public abstract bool Contains(T value);

    /// <inheritdoc />
    public sealed override object SampleObject() => Sample()!;

    /// <inheritdoc />
    public sealed override bool ContainsObject(object? value) => value is T typed && Contains(typed);
}
