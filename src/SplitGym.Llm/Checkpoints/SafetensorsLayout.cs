namespace SplitGym.Llm.Checkpoints;

/// <summary>
/// Checks that the tensors' byte ranges tile a safetensors data section exactly, as the reference
/// safetensors implementation requires: taken in offset order (the header's key order is free), each
/// range starts where the previous one ended and the last ends where the data section ends. An overlap
/// would make two tensors share bytes; a gap or trailing bytes betray a corrupt offset or a damaged file.
/// </summary>
internal static class SafetensorsLayout
{
    /// <summary>Throws unless <paramref name="entries"/> cover [0, <paramref name="dataLength"/>) without overlap or gap.</summary>
    /// <exception cref="InvalidDataException">Two ranges overlap, bytes belong to no tensor, or the data section has trailing bytes.</exception>
    public static void RequireContiguous(string path, IEnumerable<SafetensorsEntry> entries, long dataLength)
    {
        SafetensorsEntry? previous = null;
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            var expectedBegin = previous?.End ?? 0;
            if (entry.Begin < expectedBegin)
                throw new InvalidDataException($"Safetensors file '{path}': tensor '{entry.Name}' bytes [{entry.Begin}, {entry.End}) overlap tensor '{previous!.Name}' bytes [{previous.Begin}, {previous.End}); expected disjoint data_offsets.");
            if (entry.Begin > expectedBegin)
                throw new InvalidDataException($"Safetensors file '{path}': data bytes [{expectedBegin}, {entry.Begin}) before tensor '{entry.Name}' belong to no tensor; expected data_offsets that cover the data section without gaps.");
            previous = entry;
        }
        var end = previous?.End ?? 0;
        if (end != dataLength)
            throw new InvalidDataException($"Safetensors file '{path}': the tensors end at data byte {end}, but the data section has {dataLength} bytes; expected no trailing bytes (corrupt data_offsets or extra data).");
    }
}
