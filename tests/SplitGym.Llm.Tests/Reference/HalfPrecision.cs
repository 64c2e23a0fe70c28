namespace SplitGym.Llm.Tests.Reference;

/// <summary>
/// Float32 to F16 and BF16 conversions written without TorchSharp, to check the loader against:
/// F16 through System.Half, BF16 by keeping the top 16 bits of the float32 pattern with
/// round-to-nearest-even on the dropped 16 (finite inputs only).
/// </summary>
public static class HalfPrecision
{
    public static ushort ToF16(float value) => BitConverter.HalfToUInt16Bits((Half)value);

    public static float FromF16(ushort bits) => (float)BitConverter.UInt16BitsToHalf(bits);

    public static ushort ToBf16(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (ushort)((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
    }

    public static float FromBf16(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);

    /// <summary>Little-endian 16-bit codes of <paramref name="data"/>.</summary>
    public static byte[] Bytes(float[] data, Func<float, ushort> encode) =>
        [.. data.SelectMany(value => BitConverter.GetBytes(encode(value)))];
}
