namespace SplitGym.Llm.Corpus;

/// <summary>
/// Reads user-supplied UTF-8 text as corpus documents, so any English (or other) text can be used
/// for training and calibration.
/// </summary>
/// <remarks>
/// A folder: every file below it (recursively, hidden files excluded) is one document whose id is its
/// path relative to the folder. A single file: each block of text separated by one or more blank
/// lines is a document with id <c>name#index</c>, so that even one file can be split by document.
/// </remarks>
public static class TextCorpusReader
{
    /// <summary>Reads the documents of a file or folder.</summary>
    /// <exception cref="CorpusFormatException">The path does not exist, a file is not UTF-8, or no text was found.</exception>
    public static IReadOnlyList<CorpusDocument> Read(string path)
    {
        var documents = Directory.Exists(path) ? ReadFolder(path) : ReadFile(path);
        if (documents.Count == 0)
            throw new CorpusFormatException($"'{path}' contains no text; expected a non-empty UTF-8 text file or a folder of them.");
        return documents;
    }

    private static List<CorpusDocument> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file))
            .Where(relative => !relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(relative => new CorpusDocument(relative, Utf8TextFile.Read(Path.Combine(folder, relative)).Trim()))
            .Where(document => document.Text.Length > 0)
            .ToList();

    private static List<CorpusDocument> ReadFile(string file)
    {
        var name = Path.GetFileName(file);
        return System.Text.RegularExpressions.Regex.Split(Utf8TextFile.Read(file), @"\n[ \t]*\n")
            .Select(block => block.Trim())
            .Where(block => block.Length > 0)
            .Select((block, index) => new CorpusDocument($"{name}#{index}", block))
            .ToList();
    }
}
