using static TorchSharp.torch;

namespace SplitGym.Llm.Checkpoints;

/// <summary>
/// The safetensors element types SplitGym reads and writes (the floating-point formats LLaMA
/// checkpoints are published in), with their on-disk names and sizes in bytes.
/// </summary>
public static class SafetensorsDType
{
    private static readonly Dictionary<string, (ScalarType Type, int Size)> ByName = new(StringComparer.Ordinal)
    {
        ["F32"] = (ScalarType.Float32, 4),
        ["F16"] = (ScalarType.Float16, 2),
        ["BF16"] = (ScalarType.BFloat16, 2),
    };

    /// <summary>The on-disk names accepted, for error messages.</summary>
    public static string Supported => string.Join(", ", ByName.Keys);

    /// <summary>Maps an on-disk dtype name to its scalar type and element size, or null when unsupported.</summary>
    public static (ScalarType Type, int Size)? TryParse(string name) =>
        ByName.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>The on-disk name of <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">The type is not a supported storage type.</exception>
    public static string NameOf(ScalarType type) =>
        ByName.FirstOrDefault(pair => pair.Value.Type == type).Key
        ?? throw new ArgumentException($"Storage dtype {type} is not supported; expected Float32, Float16 or BFloat16.", nameof(type));
}
