namespace SplitGym.Agents.ModelBased;

/// <summary>The shared check of the model-based option records.</summary>
internal static class OptionCheck
{
    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/> of <paramref name="owner"/> unless <paramref name="ok"/>.</summary>
    public static void Require(bool ok, string owner, string name, object value, string expected)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"{owner} option {name} must be {expected}; got {value}.");
    }
}
