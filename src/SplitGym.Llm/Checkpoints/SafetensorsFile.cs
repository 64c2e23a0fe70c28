using System.Buffers.Binary;
using System.Text.Json;
using static TorchSharp.torch;

namespace SplitGym.Llm.Checkpoints;

/// <summary>
/// A safetensors file opened for reading: an 8-byte little-endian header length, a JSON header
/// mapping tensor names to dtype, shape and byte range, then the raw little-endian data. The whole
/// header is validated on open (lengths, unique keys, dtypes, sizes consistent with shapes, byte
/// ranges that tile the data section without overlap, gap or trailing bytes), so a corrupt file fails
/// with a message naming the file and the bad entry instead of producing garbage or zeros. Tensors
/// are read on demand.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    private const long MaxHeaderBytes = 100L << 20;
    private readonly FileStream _stream;
    private readonly long _dataStart;

    private SafetensorsFile(string path, FileStream stream, long dataStart, IReadOnlyDictionary<string, SafetensorsEntry> entries, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _stream = stream;
        _dataStart = dataStart;
        Entries = entries;
        Metadata = metadata;
    }

    /// <summary>The file this was opened from.</summary>
    public string Path { get; }

    /// <summary>The tensors in the file, by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsEntry> Entries { get; }

    /// <summary>The free-form <c>__metadata__</c> string map (empty when absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Opens and validates <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is truncated or its header is malformed.</exception>
    public static SafetensorsFile Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Safetensors file '{path}' does not exist.", path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        try
        {
            var headerLength = ReadHeaderLength(path, stream);
            var header = new byte[headerLength];
            stream.ReadExactly(header);
            var dataLength = stream.Length - 8 - headerLength;
            var (entries, metadata) = ParseHeader(path, header, dataLength);
            return new SafetensorsFile(path, stream, 8 + headerLength, entries, metadata);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads tensor <paramref name="name"/> in its stored dtype onto the CPU.</summary>
    /// <exception cref="KeyNotFoundException">The file has no such tensor.</exception>
    public Tensor ReadTensor(string name)
    {
        if (!Entries.TryGetValue(name, out var entry))
            throw new KeyNotFoundException($"Safetensors file '{Path}' has no tensor '{name}'.");
        var tensor = empty(entry.Shape, entry.Type);
        _stream.Seek(_dataStart + entry.Begin, SeekOrigin.Begin);
        _stream.ReadExactly(tensor.bytes);
        return tensor;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static long ReadHeaderLength(string path, FileStream stream)
    {
        if (stream.Length < 8)
            throw new InvalidDataException($"Safetensors file '{path}' is truncated: {stream.Length} bytes, expected at least the 8-byte header length.");
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)(stream.Length - 8) || headerLength > MaxHeaderBytes)
            throw new InvalidDataException($"Safetensors file '{path}' declares a header of {headerLength} bytes, but only {stream.Length - 8} bytes follow the length field (limit {MaxHeaderBytes}).");
        return (long)headerLength;
    }

    private static (Dictionary<string, SafetensorsEntry>, Dictionary<string, string>) ParseHeader(string path, byte[] header, long dataLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Safetensors file '{path}' has a header that is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"Safetensors file '{path}' has a header of kind {document.RootElement.ValueKind}; expected a JSON object.");
            UniqueJsonKeys.Require(document.RootElement, $"Safetensors file '{path}', header");
            var entries = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__") ReadMetadata(path, property.Value, metadata);
                else entries[property.Name] = SafetensorsHeaderEntry.Parse(path, property.Name, property.Value, dataLength);
            }
            SafetensorsLayout.RequireContiguous(path, entries.Values, dataLength);
            return (entries, metadata);
        }
    }

    private static void ReadMetadata(string path, JsonElement element, Dictionary<string, string> metadata)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"Safetensors file '{path}': __metadata__ is {element.ValueKind}; expected an object of strings.");
        UniqueJsonKeys.Require(element, $"Safetensors file '{path}', __metadata__");
        foreach (var item in element.EnumerateObject())
            metadata[item.Name] = item.Value.ValueKind == JsonValueKind.String
                ? item.Value.GetString()!
                : throw new InvalidDataException($"Safetensors file '{path}': __metadata__ value '{item.Name}' is {item.Value.ValueKind}; expected a string.");
    }
}
