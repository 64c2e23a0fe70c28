using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SplitGym.Core.Spaces;

/// <summary>
/// Reading of the JSON form of spaces. Infinite Box bounds are written as the strings
/// "inf"/"-inf" because JSON numbers cannot express them; integer Box bounds are exact JSON
/// integers. Errors name the field and the value.
/// </summary>
internal static class SpaceJson
{
    public static Space Read(JsonNode node)
    {
        if (node is not JsonObject obj)
        {
            throw new FormatException($"Expected a JSON object describing a space, got {node.ToJsonString()}.");
        }
        var type = Field(obj, "type").GetValue<string>();
        return type switch
        {
            "Discrete" => Discrete.FromJsonNode(obj),
            "Box" => ReadBox(obj),
            "MultiDiscrete" => MultiDiscrete.FromJsonNode(obj),
            "MultiBinary" => MultiBinary.FromJsonNode(obj),
            "Dict" => DictSpace.FromJsonNode(obj),
            "Tuple" => TupleSpace.FromJsonNode(obj),
            _ => throw new FormatException($"Unknown space type '{type}'; expected Discrete, Box, MultiDiscrete, MultiBinary, Dict or Tuple."),
        };
    }

    public static JsonNode Field(JsonObject node, string name) =>
        node[name] ?? throw new FormatException($"Space JSON {node.ToJsonString()} lacks the required field '{name}'.");

    public static int Int(JsonObject node, string name) => Field(node, name).GetValue<int>();

    public static int? OptionalInt(JsonObject node, string name) => node[name]?.GetValue<int>();

    public static int[] IntArray(JsonObject node, string name) => [.. ArrayField(node, name).Select(n => n!.GetValue<int>())];

    public static double[] DoubleArray(JsonObject node, string name) => [.. ArrayField(node, name).Select(ParseNumber)];

    public static long[] LongArray(JsonObject node, string name) => [.. ArrayField(node, name).Select(n => ParseInteger(n, name))];

    public static JsonArray NumberArray(IEnumerable<double> values) => new([.. values.Select(NumberNode)]);

    public static JsonArray IntegerArray(IEnumerable<long> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonArray ArrayField(JsonObject node, string name) =>
        Field(node, name) as JsonArray ?? throw new FormatException($"Space field '{name}' must be a JSON array, got {node[name]!.ToJsonString()}.");

    private static JsonNode NumberNode(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value,
    };

    private static double ParseNumber(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text switch
            {
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                _ => throw new FormatException($"Expected a number, \"inf\" or \"-inf\", got \"{text}\"."),
            };
        }
        return node?.GetValue<double>() ?? throw new FormatException("Expected a number, got null.");
    }

    /// <summary>Reads an integer from its JSON text, so values above 2^53 come back exactly (no detour through double).</summary>
    private static long ParseInteger(JsonNode? node, string name) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : throw new FormatException($"Space field '{name}' must hold JSON integers within int64, got {node?.ToJsonString() ?? "null"}.");

    private static Space ReadBox(JsonObject node)
    {
        var dtype = BoxDTypes.TypeOf(Field(node, "dtype").GetValue<string>());
        return dtype switch
        {
            _ when dtype == typeof(float) => Box<float>.FromJsonNode(node),
            _ when dtype == typeof(double) => Box<double>.FromJsonNode(node),
            _ when dtype == typeof(int) => Box<int>.FromJsonNode(node),
            _ when dtype == typeof(long) => Box<long>.FromJsonNode(node),
            _ => Box<byte>.FromJsonNode(node),
        };
    }
}
