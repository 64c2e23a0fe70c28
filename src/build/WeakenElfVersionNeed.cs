// MSBuild task (compiled by RoslynCodeTaskFactory from Directory.Build.targets, and by
// tests/SplitGym.Build.Tests). RoslynCodeTaskFactory compiles a single source file, so the task's
// three small parts live here together: the task, the system libstdc++ locator and an ELF reader.
//
// Marks one version need of an ELF64 little-endian shared library as weak, so the dynamic loader
// only warns, instead of refusing to load, when the system lacks that symbol version.
#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;

/// <summary>
/// Marks the need for <see cref="VersionName"/> weak (VER_FLG_WEAK in <c>.gnu.version_r</c>) in each
/// of <see cref="Libraries"/>, unless the system's libstdc++ defines that version in its
/// <c>.gnu.version_d</c> section. Idempotent: an already weak need leaves the file untouched. A file
/// that is not a readable ELF64 little-endian library is a build error naming the file.
/// </summary>
public sealed class WeakenElfVersionNeed : Microsoft.Build.Utilities.Task
{
    /// <summary>The library copies to patch.</summary>
    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The symbol version whose need becomes weak, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string VersionName { get; set; } = "";

    /// <summary>The system libstdc++ to check; empty to locate it (ldconfig cache, then the usual library folders).</summary>
    public string SystemLibrary { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        if (SystemProvidesVersion()) return true;
        foreach (var item in Libraries)
        {
            try
            {
                Log.LogMessage(MessageImportance.Normal, $"{item.ItemSpec}: {ElfImage.Read(item.ItemSpec).WeakenNeed(VersionName)}");
            }
            catch (InvalidDataException e)
            {
                Log.LogError(e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private bool SystemProvidesVersion()
    {
        var library = SystemLibrary.Length > 0 ? SystemLibrary : SystemLibStdCxx.Locate();
        if (library is null || !File.Exists(library))
        {
            Log.LogMessage(MessageImportance.Normal, $"No system libstdc++.so.6 found ({library ?? "searched the ldconfig cache and " + string.Join(", ", SystemLibStdCxx.Folders)}); assuming it lacks {VersionName} and marking the need weak, which is harmless where the version exists.");
            return false;
        }
        try
        {
            var provides = ElfImage.Read(library).DefinedVersions().Contains(VersionName);
            Log.LogMessage(MessageImportance.Low, $"{library} {(provides ? "defines" : "does not define")} {VersionName}.");
            return provides;
        }
        catch (InvalidDataException e)
        {
            Log.LogMessage(MessageImportance.Normal, $"Could not read the version definitions of {library} ({e.Message}); assuming it lacks {VersionName}.");
            return false;
        }
    }
}

/// <summary>Finds the libstdc++.so.6 the dynamic loader would use for this process's architecture.</summary>
internal static class SystemLibStdCxx
{
    private const string FileName = "libstdc++.so.6";

    /// <summary>Folders searched, in order, after the ldconfig cache.</summary>
    internal static readonly string[] Folders =
    {
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64",
        "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib", "/lib",
    };

    private static readonly string[] LdconfigPaths = { "/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig" };

    /// <summary>The first candidate that is an ELF64 library for this process's machine type, or null.</summary>
    public static string? Locate() =>
        FromLdconfigCache().Concat(Folders.Select(folder => Path.Combine(folder, FileName))).FirstOrDefault(IsForThisMachine);

    /// <summary>Paths of libstdc++.so.6 in <c>ldconfig -p</c> output (lines "libstdc++.so.6 (libc6,x86-64) => /path").</summary>
    public static IEnumerable<string> ParseLdconfigOutput(string output) =>
        output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(FileName + " ", StringComparison.Ordinal) && line.Contains("=> "))
            .Select(line => line.Substring(line.LastIndexOf("=> ", StringComparison.Ordinal) + 3).Trim());

    private static IEnumerable<string> FromLdconfigCache()
    {
        foreach (var ldconfig in LdconfigPaths)
        {
            var output = TryRun(ldconfig, "-p");
            if (output is not null) return ParseLdconfigOutput(output);
        }
        return Enumerable.Empty<string>();
    }

    private static string? TryRun(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(5000) || process.ExitCode != 0) return null;
            return output.Result;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsForThisMachine(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            return ElfImage.Read(path).Machine == ElfImage.MachineOf(RuntimeInformation.ProcessArchitecture);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

/// <summary>
/// A bounds-checked view of an ELF64 little-endian file: its symbol version definitions
/// (<c>.gnu.version_d</c>) and needs (<c>.gnu.version_r</c>), found through the section headers.
/// Every read is checked, so a truncated or corrupt file raises <see cref="InvalidDataException"/>
/// naming the file instead of an index error.
/// </summary>
internal sealed class ElfImage
{
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;
    private readonly string _path;
    private readonly byte[] _bytes;

    private ElfImage(string path, byte[] bytes)
    {
        _path = path;
        _bytes = bytes;
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F' || bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException($"'{path}' is not an ELF64 little-endian file ({bytes.Length} bytes, starting {BitConverter.ToString(bytes, 0, Math.Min(6, bytes.Length))}); expected a native shared library.");
    }

    /// <summary>The e_machine field (62 = x86-64, 183 = AArch64).</summary>
    public ushort Machine => U16(0x12, "e_machine");

    /// <summary>Reads and checks the ELF identification of <paramref name="path"/>.</summary>
    public static ElfImage Read(string path) => new(path, File.ReadAllBytes(path));

    /// <summary>The e_machine value of an architecture, or 0 when unknown.</summary>
    public static ushort MachineOf(Architecture architecture) =>
        architecture switch { Architecture.X64 => 62, Architecture.Arm64 => 183, _ => 0 };

    /// <summary>Names of all versions the file defines (the first Verdaux of each Verdef).</summary>
    public HashSet<string> DefinedVersions()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (offset, count, strings) in Sections(ShtGnuVerdef))
        {
            long definition = offset;
            for (int d = 0; d < count; d++)
            {
                names.Add(CString(strings + U32(definition + U32(definition + 12, "vd_aux"), "vda_name")));
                definition += U32(definition + 16, "vd_next");
            }
        }
        return names;
    }

    /// <summary>Sets VER_FLG_WEAK on the need for <paramref name="version"/> and rewrites the file atomically; says what it did.</summary>
    public string WeakenNeed(string version)
    {
        var flagsOffset = NeedFlagsOffset(version);
        if (flagsOffset < 0) return $"does not need {version}";
        var flags = U16(flagsOffset, "vna_flags");
        if ((flags & VerFlagWeak) != 0) return $"{version} already weak";
        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(_bytes, (int)flagsOffset);
        var temporary = _path + ".weaken.tmp";
        File.WriteAllBytes(temporary, _bytes);
        File.Replace(temporary, _path, null);
        return $"marked {version} weak";
    }

    /// <summary>File offset of vna_flags of the Vernaux naming <paramref name="version"/>, or -1.</summary>
    private long NeedFlagsOffset(string version)
    {
        foreach (var (offset, count, strings) in Sections(ShtGnuVerneed))
        {
            long need = offset;
            for (int n = 0; n < count; n++)
            {
                long aux = need + U32(need + 8, "vn_aux");
                for (int a = 0; a < U16(need + 2, "vn_cnt"); a++)
                {
                    if (CString(strings + U32(aux + 8, "vna_name")) == version) return aux + 4;
                    aux += U32(aux + 12, "vna_next");
                }
                need += U32(need + 12, "vn_next");
            }
        }
        return -1;
    }

    /// <summary>Sections of <paramref name="type"/>: file offset, entry count (sh_info) and the file offset of the linked string table.</summary>
    private IEnumerable<(long Offset, uint Count, long Strings)> Sections(uint type)
    {
        long table = I64(0x28, "e_shoff");
        int entrySize = U16(0x3A, "e_shentsize");
        int count = U16(0x3C, "e_shnum");
        for (int i = 0; i < count; i++)
        {
            long header = table + (long)i * entrySize;
            if (U32(header + 4, "sh_type") != type) continue;
            long linked = table + (long)U32(header + 0x28, "sh_link") * entrySize;
            yield return (I64(header + 0x18, "sh_offset"), U32(header + 0x2C, "sh_info"), I64(linked + 0x18, "linked sh_offset"));
        }
    }

    private ushort U16(long offset, string field) => BitConverter.ToUInt16(_bytes, Checked(offset, 2, field));

    private uint U32(long offset, string field) => BitConverter.ToUInt32(_bytes, Checked(offset, 4, field));

    private long I64(long offset, string field) => BitConverter.ToInt64(_bytes, Checked(offset, 8, field));

    private string CString(long offset)
    {
        int start = Checked(offset, 1, "version name");
        int end = Array.IndexOf(_bytes, (byte)0, start);
        if (end < 0) throw Corrupt("version name", offset);
        return Encoding.ASCII.GetString(_bytes, start, end - start);
    }

    private int Checked(long offset, int size, string field) =>
        offset >= 0 && offset + size <= _bytes.Length ? (int)offset : throw Corrupt(field, offset);

    private InvalidDataException Corrupt(string field, long offset) =>
        new($"'{_path}' is truncated or corrupt: its ELF {field} at offset {offset} lies outside the file's {_bytes.Length} bytes.");
}
