namespace SplitGym.Core.Spaces;

/// <summary>
/// Maps the C# element types a <see cref="Box{T}"/> supports to Gymnasium's dtype names, which
/// are what the JSON form of a space records (so a file written in C# reads like a Gymnasium space).
/// </summary>
public static class BoxDTypes
{
    private static readonly (Type Type, string Name)[] Known =
    [
        (typeof(float), "float32"),
        (typeof(double), "float64"),
        (typeof(int), "int32"),
        (typeof(long), "int64"),
        (typeof(byte), "uint8"),
    ];

    /// <summary>The dtype name of <paramref name="elementType"/>; errors name the supported types.</summary>
    public static string NameOf(Type elementType) =>
        Known.FirstOrDefault(k => k.Type == elementType).Name
        ?? throw new NotSupportedException($"Box element type {elementType.Name} is not supported; expected one of {string.Join(", ", Known.Select(k => k.Type.Name))}.");

    /// <summary>The C# element type of the dtype called <paramref name="name"/>.</summary>
    public static Type TypeOf(string name) =>
        Known.FirstOrDefault(k => k.Name == name).Type
        ?? throw new FormatException($"Unknown Box dtype '{name}'; expected one of {string.Join(", ", Known.Select(k => k.Name))}.");
}
