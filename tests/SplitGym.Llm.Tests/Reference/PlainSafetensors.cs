using System.Text;

namespace SplitGym.Llm.Tests.Reference;

/// <summary>A minimal safetensors writer for tests, independent of the library's writer, plus raw header access for corruption tests.</summary>
public static class PlainSafetensors
{
    public static void WriteF32(string path, IReadOnlyDictionary<string, (int[] Shape, float[] Data)> tensors) =>
        Write(path, tensors, "F32");

    /// <summary>Writes every tensor as <paramref name="dtype"/> (F32, F16 or BF16), rounding with <see cref="HalfPrecision"/>.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, (int[] Shape, float[] Data)> tensors, string dtype) =>
        WriteRaw(path, tensors.ToDictionary(t => t.Key, t => (dtype, t.Value.Shape, Encode(t.Value.Data, dtype))));

    /// <summary>Writes arbitrary dtype names and raw bytes (so tests can forge bad files).</summary>
    public static void WriteRaw(string path, IReadOnlyDictionary<string, (string DType, int[] Shape, byte[] Bytes)> tensors)
    {
        var header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        foreach (var (name, (dtype, shape, bytes)) in tensors)
        {
            header.Append($",\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{offset},{offset + bytes.Length}]}}");
            offset += bytes.Length;
        }
        header.Append('}');
        WriteWithHeader(path, header.ToString(), [.. tensors.Values.SelectMany(tensor => tensor.Bytes)]);
    }

    /// <summary>Writes a hand-made JSON header followed by <paramref name="data"/> (for forged offsets and keys).</summary>
    public static void WriteWithHeader(string path, string header, byte[] data)
    {
        var headerBytes = Encoding.UTF8.GetBytes(header);
        using var stream = File.Create(path);
        stream.Write(BitConverter.GetBytes((ulong)headerBytes.Length));
        stream.Write(headerBytes);
        stream.Write(data);
    }

    private static byte[] Encode(float[] data, string dtype) => dtype switch
    {
        "F32" => FloatBytes(data),
        "F16" => HalfPrecision.Bytes(data, HalfPrecision.ToF16),
        "BF16" => HalfPrecision.Bytes(data, HalfPrecision.ToBf16),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Expected F32, F16 or BF16."),
    };

    public static byte[] FloatBytes(float[] data)
    {
        var bytes = new byte[data.Length * 4];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
