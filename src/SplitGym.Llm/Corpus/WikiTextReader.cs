namespace SplitGym.Llm.Corpus;

/// <summary>
/// Reads the WikiText-2 (or WikiText-103) raw release, whose own train / validation / test split is
/// kept as published so results compare with the literature (the paper's dataset). The text is
/// used verbatim, including its <c>@-@</c> style escapes.
/// </summary>
public static class WikiTextReader
{
    /// <summary>The file name of each split in the raw release.</summary>
    public static IReadOnlyDictionary<CorpusSplit, string> FileNames { get; } = new Dictionary<CorpusSplit, string>
    {
        [CorpusSplit.Train] = "wiki.train.raw",
        [CorpusSplit.Validation] = "wiki.valid.raw",
        [CorpusSplit.Test] = "wiki.test.raw",
    };

    /// <summary>Reads the three raw files of <paramref name="folder"/>, one document per split.</summary>
    /// <exception cref="CorpusFormatException">A file is missing, not UTF-8, or empty.</exception>
    public static IReadOnlyDictionary<CorpusSplit, IReadOnlyList<CorpusDocument>> Read(string folder)
    {
        var missing = FileNames.Values.Where(name => !File.Exists(Path.Combine(folder, name))).ToList();
        if (missing.Count > 0)
            throw new CorpusFormatException(
                $"WikiText folder '{folder}' lacks {string.Join(", ", missing)}; expected wiki.train.raw, wiki.valid.raw and wiki.test.raw.");
        return FileNames.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<CorpusDocument>)[ReadSplit(folder, pair.Value)]);
    }

    private static CorpusDocument ReadSplit(string folder, string name)
    {
        var text = Utf8TextFile.Read(Path.Combine(folder, name));
        if (text.Trim().Length == 0)
            throw new CorpusFormatException($"WikiText file '{Path.Combine(folder, name)}' is empty; expected raw article text.");
        return new CorpusDocument(name, text);
    }
}
