using System.Buffers.Binary;
using System.Text.RegularExpressions;

namespace SplitGym.Notebooks.Tests;

/// <summary>A PNG a notebook displayed inline as an HTML <c>&lt;img&gt;</c> with a base64 data URI, with its size read from the IHDR chunk.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Bytes">Length of the PNG file in bytes.</param>
public sealed partial record InlinePng(int Width, int Height, int Bytes)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Every inline PNG in <paramref name="outputs"/>; a data URI that does not hold a PNG fails with its position.</summary>
    public static IReadOnlyList<InlinePng> In(IEnumerable<CellOutput> outputs) =>
        [.. outputs.SelectMany(o => DataUri().Matches(o.Value)).Select((m, i) => Decode(Convert.FromBase64String(m.Groups[1].Value), i))];

    /// <summary>Reads a PNG's size, failing when the bytes are not a PNG.</summary>
    public static InlinePng Decode(byte[] png, int position = 0)
    {
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw new InvalidDataException($"Inline image {position} is not a PNG: expected the PNG signature and an IHDR chunk, got {png.Length} bytes.");
        return new InlinePng(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)), png.Length);
    }

    [GeneratedRegex("data:image/png;base64,([A-Za-z0-9+/=]+)")]
    private static partial Regex DataUri();
}
