using System.Text.Json;
using System.Text.Json.Serialization;

namespace SplitGym.Llm.Model;

/// <summary>
/// Reads a JSON number or array of numbers as a list of ints, because Hugging Face configs write
/// <c>eos_token_id</c> either way; writes a single id as a number and several as an array.
/// </summary>
internal sealed class IntOrIntListConverter : JsonConverter<IReadOnlyList<int>?>
{
    public override IReadOnlyList<int>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => [reader.GetInt32()],
            JsonTokenType.StartArray => JsonSerializer.Deserialize<int[]>(ref reader, options),
            _ => throw new JsonException($"expected a token id or a list of token ids, found {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<int>? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else if (value.Count == 1) writer.WriteNumberValue(value[0]);
        else JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
