using System.Text.Json.Nodes;

namespace SplitGym.Core.Spaces;

/// <summary>
/// Reading of the JSON form of spaces. Infinite Box bounds are written as the strings
/// "inf"/"-inf" because JSON numbers cannot express them. Errors name the field and the value.
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

    public static JsonArray NumberArray(IEnumerable<double> values) => new([.. values.Select(NumberNode)]);

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
