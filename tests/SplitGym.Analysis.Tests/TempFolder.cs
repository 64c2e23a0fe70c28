namespace SplitGym.Analysis.Tests;

/// <summary>A temporary folder per test class, deleted afterwards.</summary>
public abstract class TempFolder : IDisposable
{
    protected TempFolder() => Directory.CreateDirectory(Folder);

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "splitgym-analysis-" + Guid.NewGuid().ToString("N"));

    protected string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        OnDispose();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a test class holds besides the folder.</summary>
    protected virtual void OnDispose()
    {
    }
}
