using System.Text.Json;
using System.Text.Json.Serialization;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// JSON conventions of the calibration files: camelCase names, required constructor fields,
/// nullability enforced and unknown fields rejected, so a hand-edited file with a typo fails to
/// load instead of silently using a default.
/// </summary>
internal static class CalibrationJson
{
    public static readonly JsonSerializerOptions Indented = Create(writeIndented: true);

    public static readonly JsonSerializerOptions SingleLine = Create(writeIndented: false);

    private static JsonSerializerOptions Create(bool writeIndented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = writeIndented,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
