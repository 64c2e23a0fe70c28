using System.Buffers.Binary;
using System.Text;

namespace SplitGym.Agents.Tests;

/// <summary>
/// Reads the scalar summaries of a TensorBoard event file: TFRecord framing (length, masked CRC-32C of the
/// length, payload, masked CRC-32C of the payload) around <c>Event</c> protobufs (field 2 step, field 5
/// <c>Summary</c>, whose repeated field 1 <c>Value</c> has tag = 1 and simple_value = 2).
/// </summary>
internal static class TensorBoardEventFile
{
    /// <summary>Every scalar in the file as (step, tag, value), in file order; throws on broken framing or checksums.</summary>
    public static List<(long Step, string Tag, float Value)> Scalars(string path)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        var scalars = new List<(long, string, float)>();
        while (!bytes.IsEmpty)
        {
            int length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            CheckCrc(bytes[..8], BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]), "length");
            var payload = bytes.Slice(12, length);
            CheckCrc(payload, BinaryPrimitives.ReadUInt32LittleEndian(bytes[(12 + length)..]), "payload");
            ReadEvent(payload, scalars);
            bytes = bytes[(16 + length)..];
        }
        return scalars;
    }

    private static void ReadEvent(ReadOnlySpan<byte> message, List<(long, string, float)> scalars)
    {
        long step = 0;
        var summaries = new List<byte[]>();
        foreach (var (field, varint, data) in Fields(message))
        {
            if (field == 2) step = (long)varint;
            if (field == 5) summaries.Add(data);
        }
        foreach (var summary in summaries)
        {
            foreach (var (_, _, value) in Fields(summary).Where(f => f.Field == 1))
            {
                string tag = "";
                float simple = float.NaN;
                foreach (var (field, _, data) in Fields(value))
                {
                    if (field == 1) tag = Encoding.UTF8.GetString(data);
                    if (field == 2) simple = BitConverter.ToSingle(data);
                }
                scalars.Add((step, tag, simple));
            }
        }
    }

    /// <summary>The fields of a protobuf message: number, varint value, and the bytes of fixed-width or length-delimited values.</summary>
    private static List<(int Field, ulong Varint, byte[] Data)> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<(int, ulong, byte[])>();
        int position = 0;
        while (position < message.Length)
        {
            ulong key = Varint(message, ref position);
            int field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0: fields.Add((field, Varint(message, ref position), [])); break;
                case 1: fields.Add((field, 0, message.Slice(position, 8).ToArray())); position += 8; break;
                case 2:
                    int length = (int)Varint(message, ref position);
                    fields.Add((field, 0, message.Slice(position, length).ToArray()));
                    position += length;
                    break;
                case 5: fields.Add((field, 0, message.Slice(position, 4).ToArray())); position += 4; break;
                default: throw new InvalidDataException($"Unsupported protobuf wire type {key & 7} for field {field}.");
            }
        }
        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = message[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
    }

    private static void CheckCrc(ReadOnlySpan<byte> data, uint expected, string what)
    {
        uint crc = Crc32C(data);
        uint masked = unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8);
        if (masked != expected) throw new InvalidDataException($"TFRecord {what} checksum {masked:x8} does not match the stored {expected:x8}.");
    }

    private static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xffffffff;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0x82f63b78 & (0u - (crc & 1)));
        }
        return ~crc;
    }
}
