using System.Text;

namespace SplitGym.Llm.Tests.Reference;

/// <summary>A minimal safetensors writer for tests, independent of the library's writer, plus raw header access for corruption tests.</summary>
public static class PlainSafetensors
{
    public static void WriteF32(string path, IReadOnlyDictionary<string, (int[] Shape, float[] Data)> tensors) =>
        WriteRaw(path, tensors.ToDictionary(t => t.Key, t => ("F32", t.Value.Shape, FloatBytes(t.Value.Data))));

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

    public static byte[] FloatBytes(float[] data)
    {
        var bytes = new byte[data.Length * 4];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
