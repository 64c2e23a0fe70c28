using System.Buffers.Binary;
using System.Text;

namespace SplitGym.Build.Tests;

/// <summary>One Vernaux entry of an ELF file's .gnu.version_r section.</summary>
/// <param name="File">The library the need is on, e.g. libstdc++.so.6.</param>
/// <param name="Version">The version name, e.g. GLIBCXX_3.4.32.</param>
/// <param name="FlagsOffset">File offset of the entry's vna_flags field.</param>
/// <param name="Flags">vna_flags (0x2 = VER_FLG_WEAK).</param>
public sealed record VersionNeed(string File, string Version, long FlagsOffset, ushort Flags);

/// <summary>
/// An ELF64 little-endian reader written for the tests, independently of the task: it finds
/// .gnu.version_r by its section name (through e_shstrndx) rather than by type, and lists every need.
/// </summary>
public static class VersionNeeds
{
    public const ushort Weak = 0x2;

    public static List<VersionNeed> Read(byte[] elf)
    {
        var sections = SectionHeaders(elf);
        var names = sections[BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3E))];
        var needs = sections.Single(header => Name(elf, names.Offset + header.NameIndex) == ".gnu.version_r");
        var strings = sections[(int)needs.Link].Offset;
        var result = new List<VersionNeed>();
        var need = needs.Offset;
        for (var n = 0; n < needs.Info; n++)
        {
            var file = Name(elf, strings + U32(elf, need + 4));
            var aux = need + U32(elf, need + 8);
            for (var a = 0; a < BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan((int)need + 2)); a++)
            {
                result.Add(new VersionNeed(file, Name(elf, strings + U32(elf, aux + 8)), aux + 4, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan((int)aux + 4))));
                aux += U32(elf, aux + 12);
            }
            need += U32(elf, need + 12);
        }
        return result;
    }

    private static List<(uint NameIndex, long Offset, uint Link, uint Info)> SectionHeaders(byte[] elf)
    {
        var table = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        var size = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));
        return [.. Enumerable.Range(0, count).Select(i => table + i * size).Select(h =>
            (U32(elf, h), (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)h + 0x18)), U32(elf, h + 0x28), U32(elf, h + 0x2C)))];
    }

    private static uint U32(byte[] elf, long offset) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)offset));

    private static string Name(byte[] elf, long offset)
    {
        var span = elf.AsSpan((int)offset);
        return Encoding.ASCII.GetString(span[..span.IndexOf((byte)0)]);
    }
}
