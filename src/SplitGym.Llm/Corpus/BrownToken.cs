namespace SplitGym.Llm.Corpus;

/// <summary>
/// One <c>word/tag</c> token of the tagged Brown corpus (form C). The tag is everything after the
/// <em>last</em> slash, so words that contain slashes survive (<c>1/2/cd</c> is the word <c>1/2</c>,
/// <c>//in</c> is the word <c>/</c>).
/// </summary>
/// <param name="Word">The surface form as printed in the source text.</param>
/// <param name="Tag">The part-of-speech tag, e.g. <c>at</c>, <c>np-tl</c>, <c>nn-hl</c>, <c>ppss+bem</c>.</param>
public readonly record struct BrownToken(string Word, string Tag)
{
    private const string TagCharacters = "abcdefghijklmnopqrstuvwxyz$*+-.,:()'`";

    /// <summary>True for a headline token (tag suffix <c>-hl</c>): headline lines become their own paragraph.</summary>
    public bool IsHeadline => Tag.EndsWith("-hl", StringComparison.Ordinal);

    /// <summary>Parses one whitespace-free token.</summary>
    /// <param name="token">The raw token, e.g. <c>Fulton/np-tl</c>.</param>
    /// <param name="location">Where the token was read (document and line), for the error message.</param>
    /// <exception cref="CorpusFormatException">The token has no slash, an empty word, an empty tag, or characters no Brown tag has.</exception>
    public static BrownToken Parse(string token, string location)
    {
        var slash = token.LastIndexOf('/');
        if (slash < 0)
            throw Malformed(token, location, "it has no '/' separating word and tag");
        if (slash == 0)
            throw Malformed(token, location, "the word before the last '/' is empty");
        var tag = token[(slash + 1)..];
        if (tag.Length == 0)
            throw Malformed(token, location, "the tag after the last '/' is empty");
        var bad = tag.FirstOrDefault(c => !TagCharacters.Contains(c));
        if (bad != default)
            throw Malformed(token, location, $"its tag '{tag}' contains '{bad}', but Brown tags use only lowercase letters and {TagCharacters[26..]}");
        return new BrownToken(token[..slash], tag);
    }

    private static CorpusFormatException Malformed(string token, string location, string reason) =>
        new($"Malformed Brown token '{token}' at {location}: {reason}; expected word/tag such as 'the/at'.");
}
