using System.Text.Json;
using SplitGym.Llm.IO;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// Reading and writing of the versioned calibration files (tables and shards). The format version is
/// checked before anything else so an old or future file fails with a version message, not with a
/// confusing complaint about some field.
/// </summary>
internal static class CalibrationFile
{
    /// <summary>The format version this code reads and writes.</summary>
    public const int FormatVersion = 1;

    public static T Read<T>(string path, string kind)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{kind} file '{path}' does not exist.", path);
        try
        {
            string json = File.ReadAllText(path);
            RequireVersion(json);
            return JsonSerializer.Deserialize<T>(json, CalibrationJson.Indented)
                ?? throw new InvalidDataException("the file holds JSON null.");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"'{path}' is not a valid {kind}: {e.Message}", e);
        }
    }

    public static void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, CalibrationJson.Indented) + "\n");
    }

    public static void RequireVersion(int version)
    {
        if (version != FormatVersion)
            throw new InvalidDataException($"formatVersion is {version} but this SplitGym reads format version {FormatVersion}.");
    }

    private static void RequireVersion(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"expected a JSON object, found {document.RootElement.ValueKind}.");
        if (!document.RootElement.TryGetProperty("formatVersion", out var version) || !version.TryGetInt32(out int value))
            throw new InvalidDataException($"missing integer formatVersion (expected {FormatVersion}).");
        RequireVersion(value);
    }
}
