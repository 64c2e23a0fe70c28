using System.Buffers.Binary;
using System.Text.Json;
using SplitGym.Llm.IO;
using static TorchSharp.torch;

namespace SplitGym.Llm.Checkpoints;

/// <summary>
/// Writes tensors to a safetensors file atomically (temporary file + rename). Tensors are stored in
/// the given order, contiguous and little-endian, with the header padded with spaces to a multiple of
/// 8 bytes (as the reference implementation does, so data is aligned).
/// </summary>
public static class SafetensorsWriter
{
    /// <summary>Writes <paramref name="tensors"/> (CPU or device; converted to <paramref name="storageType"/>) to <paramref name="path"/>.</summary>
    /// <param name="path">Destination file; replaced atomically.</param>
    /// <param name="tensors">Name and tensor pairs; names must be unique.</param>
    /// <param name="storageType">Float32, Float16 or BFloat16.</param>
    /// <param name="metadata">Optional <c>__metadata__</c> strings (Hugging Face expects <c>format = pt</c>).</param>
    public static void Write(string path, IReadOnlyList<(string Name, Tensor Tensor)> tensors, ScalarType storageType, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var dtypeName = SafetensorsDType.NameOf(storageType);
        var header = BuildHeader(tensors, dtypeName, SafetensorsDType.TryParse(dtypeName)!.Value.Size, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            stream.Write(header);
            foreach (var (_, tensor) in tensors)
            {
                using var scope = NewDisposeScope();
                stream.Write(tensor.detach().to(storageType, CPU).contiguous().bytes);
            }
        });
    }

    private static byte[] BuildHeader(IReadOnlyList<(string Name, Tensor Tensor)> tensors, string dtypeName, int elementSize, IReadOnlyDictionary<string, string>? metadata)
    {
        var header = new Dictionary<string, object>(StringComparer.Ordinal);
        if (metadata is { Count: > 0 }) header["__metadata__"] = metadata;
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            var bytes = tensor.numel() * elementSize;
            if (!header.TryAdd(name, new { dtype = dtypeName, shape = tensor.shape, data_offsets = new[] { offset, offset + bytes } }))
                throw new ArgumentException($"Tensor name '{name}' appears twice; safetensors names must be unique.", nameof(tensors));
            offset += bytes;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        var padded = Enumerable.Repeat((byte)' ', (json.Length + 7) / 8 * 8).ToArray();
        json.CopyTo(padded, 0);
        return padded;
    }
}
