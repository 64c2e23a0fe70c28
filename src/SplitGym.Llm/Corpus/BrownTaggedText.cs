namespace SplitGym.Llm.Corpus;

/// <summary>
/// Turns one tagged Brown corpus file (form C: <c>word/tag</c> tokens) back into running text.
/// </summary>
/// <remarks>
/// Layout of the source: every sentence is on its own line, sentences are separated by blank lines,
/// and a line that starts with a tab begins a new paragraph. A line whose tokens are all headline
/// tokens (tag suffix <c>-hl</c>) is a headline and becomes a paragraph of its own. The output has one
/// paragraph per line (<c>'\n'</c>-separated); spacing of punctuation and quotes follows
/// <see cref="RunningTextBuilder"/>.
/// </remarks>
public static class BrownTaggedText
{
    /// <summary>Converts a tagged document to running text.</summary>
    /// <param name="documentId">The document's id (file name such as <c>ca01</c>), used in error messages.</param>
    /// <param name="tagged">The tagged source text.</param>
    /// <exception cref="CorpusFormatException">A token is malformed or the document has no tokens.</exception>
    public static string ToRunningText(string documentId, string tagged)
    {
        var paragraphs = new List<string>();
        var current = new RunningTextBuilder();
        var lines = tagged.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;
            var tokens = ParseLine(line, $"document '{documentId}' line {index + 1}");
            var headline = tokens.All(t => t.IsHeadline);
            if (line[0] == '\t' || headline) Flush(paragraphs, ref current);
            foreach (var token in tokens) current.Append(token.Word);
            if (headline) Flush(paragraphs, ref current);
        }
        Flush(paragraphs, ref current);
        if (paragraphs.Count == 0)
            throw new CorpusFormatException($"Brown document '{documentId}' contains no word/tag tokens; expected tagged sentences such as 'The/at jury/nn said/vbd ./.'.");
        return string.Join('\n', paragraphs);
    }

    private static List<BrownToken> ParseLine(string line, string location) =>
        line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(token => BrownToken.Parse(token, location))
            .ToList();

    private static void Flush(List<string> paragraphs, ref RunningTextBuilder current)
    {
        if (current.IsEmpty) return;
        paragraphs.Add(current.ToString());
        current = new RunningTextBuilder();
    }
}
