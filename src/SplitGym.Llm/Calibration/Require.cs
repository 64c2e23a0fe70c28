namespace SplitGym.Llm.Calibration;

/// <summary>
/// Validation checks shared by the calibration file formats. Every failure is an
/// <see cref="InvalidDataException"/> naming the field, the offending value and what was expected,
/// because these files are edited, copied and merged by people and must fail loudly when broken.
/// </summary>
internal static class Require
{
    public static void Positive(int value, string field)
    {
        if (value <= 0)
            throw new InvalidDataException($"{field} must be positive, got {value}.");
    }

    public static void FinitePositive(double value, string field)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new InvalidDataException($"{field} must be a finite positive number, got {value}.");
    }

    public static void FiniteNonNegative(double value, string field)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new InvalidDataException($"{field} must be a finite non-negative number, got {value}.");
    }

    public static void NotBlank(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidDataException($"{field} must not be empty.");
    }

    public static void Sha256Hex(string value, string field)
    {
        bool ok = value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
        if (!ok)
            throw new InvalidDataException($"{field} must be 64 lower-case hex digits (a SHA-256), got '{value}'.");
    }

    public static void OneOf(string? value, IReadOnlyCollection<string> allowed, string field)
    {
        if (value is null || !allowed.Contains(value))
            throw new InvalidDataException($"{field} must be one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}, got '{value ?? "null"}'.");
    }

    public static void StrictlyIncreasing<T>(IReadOnlyList<T> values, string field) where T : IComparable<T>
    {
        if (values.Count == 0)
            throw new InvalidDataException($"{field} must have at least one entry.");
        for (int i = 1; i < values.Count; i++)
        {
            if (values[i].CompareTo(values[i - 1]) <= 0)
                throw new InvalidDataException(
                    $"{field} must be strictly increasing, but entry {i} ({values[i]}) follows {values[i - 1]}.");
        }
    }
}
