namespace SplitGym.Cli.Tests;

/// <summary>A fresh folder under the temp directory, deleted with the test class.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"splitgym-cli-{Guid.NewGuid():N}");

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
