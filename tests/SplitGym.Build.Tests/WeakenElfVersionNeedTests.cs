using System.Reflection;
using Microsoft.Build.Utilities;

namespace SplitGym.Build.Tests;

/// <summary>
/// The GLIBCXX build step on a real, unpatched copy of TorchSharp's native library, checked with the
/// tests' own ELF reader; stand-in system libraries decide whether the version exists.
/// </summary>
public sealed class WeakenElfVersionNeedTests : IDisposable
{
    private const string Version = "GLIBCXX_3.4.32";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("splitgym-build-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void OnlyTheFlagsOfTheGlibcxx3432NeedChangeAndTheyBecomeWeak()
    {
        var library = CopyUnpatchedLibrary();
        var before = File.ReadAllBytes(library);

        var (succeeded, engine) = Run(library, SystemLibrary(defines: ["GLIBCXX_3.4", "GLIBCXX_3.4.30"]));

        Assert.True(succeeded, string.Join("\n", engine.Errors));
        var after = File.ReadAllBytes(library);
        var target = VersionNeeds.Read(before).Single(need => need.Version == Version);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal(before.Length, after.Length);
        Assert.NotEmpty(changed);
        Assert.All(changed, offset => Assert.InRange(offset, target.FlagsOffset, target.FlagsOffset + 1));
        var expected = VersionNeeds.Read(before).Select(need => need.Version == Version ? need with { Flags = (ushort)(need.Flags | VersionNeeds.Weak) } : need);
        Assert.Equal(expected, VersionNeeds.Read(after));
    }

    [Fact]
    public void SecondRunChangesNoByteAndDoesNotRewriteTheFile()
    {
        var library = CopyUnpatchedLibrary();
        var system = SystemLibrary(defines: ["GLIBCXX_3.4"]);
        Run(library, system);
        var once = File.ReadAllBytes(library);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(library, stamp);

        var (succeeded, engine) = Run(library, system);

        Assert.True(succeeded);
        Assert.Equal(once, File.ReadAllBytes(library));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(library));
        Assert.Contains(engine.Messages, message => message.Contains($"{Version} already weak"));
    }

    [Fact]
    public void LibraryIsUntouchedWhenTheSystemLibraryDefinesTheVersion()
    {
        var library = CopyUnpatchedLibrary();
        var before = File.ReadAllBytes(library);
        var stamp = File.GetLastWriteTimeUtc(library);

        var (succeeded, _) = Run(library, SystemLibrary(defines: ["GLIBCXX_3.4", "GLIBCXX_3.4.30", Version]));

        Assert.True(succeeded);
        Assert.Equal(before, File.ReadAllBytes(library));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(library));
    }

    [Fact]
    public void VersionNameThatIsOnlyAStringInTheSystemLibraryDoesNotCountAsDefined()
    {
        var library = CopyUnpatchedLibrary();
        var system = SystemLibrary(defines: ["GLIBCXX_3.4"], otherStrings: [Version, "X" + Version]);
        Assert.Contains("GLIBCXX_3.4.32\0"u8.ToArray(), Windows(File.ReadAllBytes(system), Version.Length + 1));

        Run(library, system);

        Assert.Equal(VersionNeeds.Weak, VersionNeeds.Read(File.ReadAllBytes(library)).Single(need => need.Version == Version).Flags & VersionNeeds.Weak);
    }

    [Fact]
    public void MissingSystemLibraryCountsAsLackingTheVersionAndIsReported()
    {
        var library = CopyUnpatchedLibrary();
        var (succeeded, engine) = Run(library, Path.Combine(_folder.FullName, "absent", "libstdc++.so.6"));
        Assert.True(succeeded);
        Assert.Contains(engine.Messages, message => message.Contains("No system libstdc++.so.6 found"));
        Assert.Equal(VersionNeeds.Weak, VersionNeeds.Read(File.ReadAllBytes(library)).Single(need => need.Version == Version).Flags & VersionNeeds.Weak);
    }

    [Theory]
    [InlineData("text", "is not an ELF64 little-endian file")]
    [InlineData("truncated", "is truncated or corrupt")]
    [InlineData("header-only", "is truncated or corrupt")]
    public void UnreadableLibraryFailsTheBuildWithAnErrorNamingIt(string damage, string expected)
    {
        var library = CopyUnpatchedLibrary();
        var bytes = File.ReadAllBytes(library);
        File.WriteAllBytes(library, damage switch
        {
            "text" => "not a shared library\n"u8.ToArray(),
            "truncated" => bytes[..(bytes.Length / 2)],
            _ => bytes[..64],
        });

        var (succeeded, engine) = Run(library, SystemLibrary(defines: ["GLIBCXX_3.4"]));

        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Contains(library, error);
        Assert.Contains(expected, error);
    }

    private static (bool Succeeded, FakeBuildEngine Engine) Run(string library, string systemLibrary)
    {
        var engine = new FakeBuildEngine();
        var task = new WeakenElfVersionNeed { BuildEngine = engine, Libraries = [new TaskItem(library)], VersionName = Version, SystemLibrary = systemLibrary };
        return (task.Execute(), engine);
    }

    /// <summary>A private copy of the library as NuGet ships it; fails if that copy is not the unpatched original.</summary>
    private string CopyUnpatchedLibrary()
    {
        var source = typeof(WeakenElfVersionNeedTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "UnpatchedLibTorchSharp").Value!;
        var copy = Path.Combine(_folder.FullName, "libLibTorchSharp.so");
        File.Copy(source, copy);
        var need = VersionNeeds.Read(File.ReadAllBytes(copy)).Single(n => n.File == "libstdc++.so.6" && n.Version == Version);
        Assert.True((need.Flags & VersionNeeds.Weak) == 0, $"{source} is expected to be the unpatched original, but its {Version} need is already weak.");
        return copy;
    }

    private string SystemLibrary(string[] defines, string[]? otherStrings = null)
    {
        var path = Path.Combine(_folder.FullName, $"libstdc++-{Guid.NewGuid():N}.so.6");
        SyntheticLibStdCxx.Write(path, defines, otherStrings ?? []);
        return path;
    }

    private static IEnumerable<byte[]> Windows(byte[] bytes, int length) =>
        Enumerable.Range(0, bytes.Length - length + 1).Select(i => bytes[i..(i + length)]);
}
