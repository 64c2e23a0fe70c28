using System.Text;
using System.Text.Json;
using SplitGym.Llm.IO;

namespace SplitGym.Llm.Corpus;

/// <summary>
/// A corpus ready for training and evaluation: a folder with <c>train.txt</c>, <c>validation.txt</c>,
/// <c>test.txt</c> (UTF-8; documents separated by a blank line) and a <c>corpus.json</c> manifest that
/// records the source, the split rule and which document went where.
/// </summary>
public sealed class PreparedCorpus
{
    private const string ManifestName = "corpus.json";

    private PreparedCorpus(string folder) => Folder = folder;

    /// <summary>The folder holding the split files.</summary>
    public string Folder { get; }

    /// <summary>The file name of a split inside the folder.</summary>
    public static string FileName(CorpusSplit split) => split switch
    {
        CorpusSplit.Train => "train.txt",
        CorpusSplit.Validation => "validation.txt",
        CorpusSplit.Test => "test.txt",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "expected Train, Validation or Test"),
    };

    /// <summary>Opens a prepared corpus folder.</summary>
    /// <exception cref="CorpusFormatException">A split file is missing.</exception>
    public static PreparedCorpus Open(string folder)
    {
        var missing = Enum.GetValues<CorpusSplit>().Select(FileName).Where(name => !File.Exists(Path.Combine(folder, name))).ToList();
        if (missing.Count > 0)
            throw new CorpusFormatException(
                $"'{folder}' is not a prepared corpus: {string.Join(", ", missing)} missing; create one with `splitgym data fetch brown` or `splitgym data prepare`.");
        return new PreparedCorpus(folder);
    }

    /// <summary>The UTF-8 bytes of a split (what a byte-level model reads).</summary>
    public byte[] ReadBytes(CorpusSplit split) => File.ReadAllBytes(Path.Combine(Folder, FileName(split)));

    /// <summary>The text of a split.</summary>
    public string ReadText(CorpusSplit split) => Utf8TextFile.Read(Path.Combine(Folder, FileName(split)));

    /// <summary>
    /// Writes the split files and the manifest atomically (each file via a temporary sibling and a rename).
    /// </summary>
    /// <param name="folder">Destination; created if needed.</param>
    /// <param name="splits">Documents per split, in the order they are written.</param>
    /// <param name="source">A human-readable description of where the text came from.</param>
    /// <param name="splitRule">How documents were assigned to splits.</param>
    /// <exception cref="CorpusFormatException">A split has no documents.</exception>
    public static PreparedCorpus Write(
        string folder, IReadOnlyDictionary<CorpusSplit, IReadOnlyList<CorpusDocument>> splits, string source, string splitRule)
    {
        var empty = Enum.GetValues<CorpusSplit>().Where(split => !splits.TryGetValue(split, out var docs) || docs.Count == 0).ToList();
        if (empty.Count > 0)
            throw new CorpusFormatException(
                $"The {string.Join(" and ", empty)} split of {source} would be empty; give more documents (a folder of files or a file with blank-line-separated blocks).");
        Directory.CreateDirectory(folder);
        foreach (var (split, documents) in splits)
            AtomicFile.WriteAllText(Path.Combine(folder, FileName(split)), string.Join("\n\n", documents.Select(d => d.Text)) + "\n");
        AtomicFile.WriteAllText(Path.Combine(folder, ManifestName), Manifest(splits, source, splitRule));
        return new PreparedCorpus(folder);
    }

    private static string Manifest(IReadOnlyDictionary<CorpusSplit, IReadOnlyList<CorpusDocument>> splits, string source, string splitRule)
    {
        var manifest = new
        {
            source,
            splitRule,
            splits = splits.OrderBy(pair => pair.Key).ToDictionary(
                pair => FileName(pair.Key),
                pair => new
                {
                    documents = pair.Value.Count,
                    bytes = pair.Value.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text)),
                    ids = pair.Value.Select(d => d.Id).ToList(),
                }),
        };
        return JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true });
    }
}
