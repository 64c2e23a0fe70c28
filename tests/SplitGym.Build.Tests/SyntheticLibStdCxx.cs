using System.Text;

namespace SplitGym.Build.Tests;

/// <summary>
/// Writes a minimal ELF64 little-endian x86-64 file standing in for a system libstdc++: a .dynstr
/// string table and a .gnu.version_d section defining the given versions (plus the base version
/// naming the file). Extra strings can be put in .dynstr without defining them.
/// </summary>
public static class SyntheticLibStdCxx
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int VerdefSize = 20;
    private const int VerdauxSize = 8;

    public static void Write(string path, IReadOnlyList<string> definedVersions, IReadOnlyList<string> otherStrings)
    {
        var names = new[] { "libstdc++.so.6" }.Concat(definedVersions).ToList();
        var (strings, offsets) = StringTable(names.Concat(otherStrings));
        var definitions = Definitions(names.Select(name => offsets[name]).ToList());
        var stringsAt = HeaderSize;
        var definitionsAt = stringsAt + strings.Length;
        var sectionsAt = definitionsAt + definitions.Length;
        using var file = new BinaryWriter(File.Create(path));
        WriteElfHeader(file, sectionsAt, sectionCount: 3);
        file.Write(strings);
        file.Write(definitions);
        file.Write(new byte[SectionHeaderSize]);
        WriteSectionHeader(file, type: 3, stringsAt, strings.Length, link: 0, info: 0);
        WriteSectionHeader(file, type: 0x6ffffffd, definitionsAt, definitions.Length, link: 1, info: (uint)names.Count);
    }

    private static (byte[] Bytes, Dictionary<string, uint> Offsets) StringTable(IEnumerable<string> strings)
    {
        var table = new List<byte> { 0 };
        var offsets = new Dictionary<string, uint>();
        foreach (var text in strings)
        {
            offsets[text] = (uint)table.Count;
            table.AddRange(Encoding.ASCII.GetBytes(text + "\0"));
        }
        return ([.. table], offsets);
    }

    /// <summary>Verdef entries, each followed by its one Verdaux; the first is the base (VER_FLG_BASE) entry.</summary>
    private static byte[] Definitions(List<uint> nameOffsets)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        for (var i = 0; i < nameOffsets.Count; i++)
        {
            var last = i == nameOffsets.Count - 1;
            writer.Write((ushort)1);
            writer.Write((ushort)(i == 0 ? 1 : 0));
            writer.Write((ushort)(i + 1));
            writer.Write((ushort)1);
            writer.Write(0u);
            writer.Write((uint)VerdefSize);
            writer.Write(last ? 0u : VerdefSize + VerdauxSize);
            writer.Write(nameOffsets[i]);
            writer.Write(0u);
        }
        return stream.ToArray();
    }

    private static void WriteElfHeader(BinaryWriter file, long sectionsAt, ushort sectionCount)
    {
        file.Write([0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        file.Write((ushort)3);
        file.Write((ushort)62);
        file.Write(1u);
        file.Write(0L);
        file.Write(0L);
        file.Write(sectionsAt);
        file.Write(0u);
        file.Write((ushort)HeaderSize);
        file.Write((ushort)0);
        file.Write((ushort)0);
        file.Write((ushort)SectionHeaderSize);
        file.Write(sectionCount);
        file.Write((ushort)0);
    }

    private static void WriteSectionHeader(BinaryWriter file, uint type, long offset, long size, uint link, uint info)
    {
        file.Write(0u);
        file.Write(type);
        file.Write(0L);
        file.Write(0L);
        file.Write(offset);
        file.Write(size);
        file.Write(link);
        file.Write(info);
        file.Write(1L);
        file.Write(0L);
    }
}
