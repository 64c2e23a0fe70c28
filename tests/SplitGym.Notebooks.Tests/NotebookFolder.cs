namespace SplitGym.Notebooks.Tests;

/// <summary>
/// Where the notebooks live: the repository's <c>notebooks/</c> folder, found by walking up from the test
/// assembly to the folder that holds <c>SplitGym.sln</c>, so the tests work from any clone and any working directory.
/// </summary>
public static class NotebookFolder
{
    /// <summary>The four notebooks the issue asks for, in reading order.</summary>
    public static IReadOnlyList<string> Expected { get; } =
        ["01-splitting-analysis.ipynb", "02-train-and-compare.ipynb", "03-policy-map.ipynb", "04-action-spaces.ipynb"];

    /// <summary>Absolute path of <c>notebooks/</c>.</summary>
    public static string Path { get; } = Locate();

    /// <summary>Absolute path of the build output the notebooks <c>#r</c> from (<c>notebooks/bin/</c>).</summary>
    public static string Bin => System.IO.Path.Combine(Path, "bin");

    /// <summary>Every <c>.ipynb</c> file in <c>notebooks/</c>, sorted by name.</summary>
    public static IReadOnlyList<string> All() => [.. Directory.GetFiles(Path, "*.ipynb").Order(StringComparer.Ordinal)];

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "SplitGym.sln")))
                return System.IO.Path.Combine(folder.FullName, "notebooks");
        }
        throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' holds SplitGym.sln; the notebook tests must run inside a SplitGym clone.");
    }
}
