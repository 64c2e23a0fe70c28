using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SplitGym.Core.Spaces;

/// <summary>
/// Lets <see cref="JsonSerializer"/> read and write any <see cref="Space"/> (declared as the base
/// type or as a concrete space) in the same form as <see cref="Space.ToJson"/>.
/// </summary>
public sealed class SpaceJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeof(Space).IsAssignableFrom(typeToConvert);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(SpaceConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class SpaceConverter<TSpace> : JsonConverter<TSpace> where TSpace : Space
    {
        public override TSpace Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var node = JsonNode.Parse(ref reader) ?? throw new JsonException("Expected a JSON object describing a space, got null.");
            var space = SpaceJson.Read(node);
            return space as TSpace ?? throw new JsonException($"Expected a {typeof(TSpace).Name} but the JSON describes {space}.");
        }

        public override void Write(Utf8JsonWriter writer, TSpace value, JsonSerializerOptions options) =>
            value.ToJsonNode().WriteTo(writer, options);
    }
}
