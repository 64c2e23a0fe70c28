using System.Text.Json;

namespace SplitGym.Llm.Checkpoints;

/// <summary>Parses and validates one tensor description of a safetensors header.</summary>
internal static class SafetensorsHeaderEntry
{
    /// <summary>Validates dtype, shape and byte range of tensor <paramref name="name"/> against a data section of <paramref name="dataLength"/> bytes.</summary>
    public static SafetensorsEntry Parse(string path, string name, JsonElement element, long dataLength)
    {
        string Where() => $"Safetensors file '{path}', tensor '{name}'";
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{Where()}: entry is {element.ValueKind}; expected an object with dtype, shape and data_offsets.");
        var dtypeName = RequireProperty(element, "dtype", JsonValueKind.String, Where).GetString()!;
        var dtype = SafetensorsDType.TryParse(dtypeName)
            ?? throw new InvalidDataException($"{Where()}: dtype '{dtypeName}' is not supported; expected one of {SafetensorsDType.Supported}.");
        var shape = ReadIntegers(RequireProperty(element, "shape", JsonValueKind.Array, Where), Where, "shape");
        var offsets = ReadIntegers(RequireProperty(element, "data_offsets", JsonValueKind.Array, Where), Where, "data_offsets");
        if (offsets.Length != 2 || offsets[0] > offsets[1] || offsets[1] > dataLength)
            throw new InvalidDataException($"{Where()}: data_offsets [{string.Join(", ", offsets)}] must be [begin, end] with 0 <= begin <= end <= {dataLength} (the data section length; is the file truncated?).");
        var expectedBytes = shape.Aggregate(1L, (product, dimension) => checked(product * dimension)) * dtype.Size;
        if (offsets[1] - offsets[0] != expectedBytes)
            throw new InvalidDataException($"{Where()}: data_offsets span {offsets[1] - offsets[0]} bytes, but shape [{string.Join(", ", shape)}] of {dtypeName} needs {expectedBytes}.");
        return new SafetensorsEntry(name, dtypeName, dtype.Type, shape, offsets[0], offsets[1]);
    }

    private static JsonElement RequireProperty(JsonElement element, string property, JsonValueKind kind, Func<string> where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != kind)
            throw new InvalidDataException($"{where()}: field '{property}' is missing or not a JSON {kind}.");
        return value;
    }

    private static long[] ReadIntegers(JsonElement array, Func<string> where, string field) =>
        array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var value) && value >= 0
                ? value
                : throw new InvalidDataException($"{where()}: {field} contains {item.GetRawText()}; expected non-negative integers."))
            .ToArray();
}
