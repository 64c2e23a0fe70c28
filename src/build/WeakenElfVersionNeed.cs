// MSBuild task (compiled by RoslynCodeTaskFactory from Directory.Build.targets).
// Marks one version need of an ELF64 little-endian shared library as weak, so the dynamic
// loader only warns, instead of refusing to load, when the system lacks that symbol version.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";
    [Required] public string SystemLibrary { get; set; } = "";

    public override bool Execute()
    {
        if (!File.Exists(SystemLibrary) || SystemProvides(SystemLibrary, VersionName))
        {
            Log.LogMessage(MessageImportance.Low, $"{SystemLibrary} provides {VersionName} (or is absent); nothing to patch.");
            return true;
        }
        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            var outcome = Patch(path, VersionName);
            Log.LogMessage(MessageImportance.Normal, $"{path}: {outcome}");
        }
        return !Log.HasLoggedErrors;
    }

    private static bool SystemProvides(string library, string version)
    {
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        var bytes = File.ReadAllBytes(library);
        for (int start = 0; start + needle.Length <= bytes.Length; start++)
        {
            int matched = 0;
            while (matched < needle.Length && bytes[start + matched] == needle[matched]) matched++;
            if (matched == needle.Length) return true;
        }
        return false;
    }

    private string Patch(string path, string version)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[4] != 2 || bytes[5] != 1)
        {
            Log.LogWarning($"{path} is not an ELF64 little-endian file; left unchanged.");
            return "skipped";
        }
        long sectionTable = BitConverter.ToInt64(bytes, 0x28);
        int entrySize = BitConverter.ToUInt16(bytes, 0x3A);
        int count = BitConverter.ToUInt16(bytes, 0x3C);
        for (int i = 0; i < count; i++)
        {
            long header = sectionTable + (long)i * entrySize;
            if (BitConverter.ToUInt32(bytes, (int)header + 4) != ShtGnuVerneed) continue;
            long offset = BitConverter.ToInt64(bytes, (int)header + 0x18);
            int linkedStrings = (int)BitConverter.ToUInt32(bytes, (int)header + 0x28);
            int needCount = (int)BitConverter.ToUInt32(bytes, (int)header + 0x2C);
            long stringsHeader = sectionTable + (long)linkedStrings * entrySize;
            long strings = BitConverter.ToInt64(bytes, (int)stringsHeader + 0x18);
            return WeakenIn(path, bytes, offset, needCount, strings, version);
        }
        return "no .gnu.version_r section";
    }

    private static string WeakenIn(string path, byte[] bytes, long verneed, int needCount, long strings, string version)
    {
        long need = verneed;
        for (int n = 0; n < needCount; n++)
        {
            int auxCount = BitConverter.ToUInt16(bytes, (int)need + 2);
            long aux = need + BitConverter.ToUInt32(bytes, (int)need + 8);
            for (int a = 0; a < auxCount; a++)
            {
                long name = strings + BitConverter.ToUInt32(bytes, (int)aux + 8);
                if (ReadString(bytes, name) == version)
                {
                    ushort flags = BitConverter.ToUInt16(bytes, (int)aux + 4);
                    if ((flags & VerFlagWeak) != 0) return "already weak";
                    BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(bytes, (int)aux + 4);
                    var temporary = path + ".weaken.tmp";
                    File.WriteAllBytes(temporary, bytes);
                    File.Replace(temporary, path, null);
                    return $"marked {version} weak";
                }
                aux += BitConverter.ToUInt32(bytes, (int)aux + 12);
            }
            need += BitConverter.ToUInt32(bytes, (int)need + 12);
        }
        return $"does not need {version}";
    }

    private static string ReadString(byte[] bytes, long start)
    {
        int end = Array.IndexOf(bytes, (byte)0, (int)start);
        return Encoding.ASCII.GetString(bytes, (int)start, end - (int)start);
    }
}
