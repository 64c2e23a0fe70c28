using System.Text.Json;

namespace SplitGym.Llm.Checkpoints;

/// <summary>
/// Rejects JSON objects that repeat a key. JSON parsers differ on which duplicate wins (System.Text.Json
/// enumerates both), so a repeated tensor name or weight_map entry would silently shadow the other.
/// </summary>
internal static class UniqueJsonKeys
{
    /// <summary>Throws when <paramref name="element"/> (a JSON object) names a key more than once.</summary>
    /// <param name="element">The object to check.</param>
    /// <param name="where">Describes the object for the message, e.g. the file and section.</param>
    /// <exception cref="InvalidDataException">A key appears twice or more.</exception>
    public static void Require(JsonElement element, string where)
    {
        var repeated = element.EnumerateObject()
            .GroupBy(property => property.Name, StringComparer.Ordinal)
            .FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
            throw new InvalidDataException($"{where}: key '{repeated.Key}' appears {repeated.Count()} times; expected each key once.");
    }
}
