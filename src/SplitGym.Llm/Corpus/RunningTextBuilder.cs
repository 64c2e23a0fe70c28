using System.Text;

namespace SplitGym.Llm.Corpus;

/// <summary>
/// Rebuilds readable running text from the word tokens of one paragraph of the Brown corpus.
/// </summary>
/// <remarks>
/// Rules, in the spirit of how the text was printed:
/// <list type="bullet">
/// <item>Words are separated by one space.</item>
/// <item><c>. , ; : ? ! ) ]</c> attach to the preceding word (no space before them).</item>
/// <item><c>( [</c> attach to the following word (no space after them).</item>
/// <item>The corpus's TeX-style quotes <c>``</c> (open) and <c>''</c> (close) become a plain ASCII
/// double quote <c>"</c> attached to the quoted text.</item>
/// <item>A lone <c>'</c> token is a single quote: the first in a paragraph opens, the next closes, and so on.</item>
/// <item>A sentence-final <c>.</c> after a word that already ends in a period (an abbreviation such as
/// <c>Ill.</c> ending the sentence) is dropped, as in print.</item>
/// <item>Everything else, including <c>--</c> dashes, is an ordinary space-separated word.</item>
/// </list>
/// </remarks>
public sealed class RunningTextBuilder
{
    private static readonly HashSet<string> AttachLeft = [".", ",", ";", ":", "?", "!", ")", "]"];
    private static readonly HashSet<string> AttachRight = ["(", "["];

    private readonly StringBuilder _text = new();
    private bool _suppressNextSpace = true;
    private bool _singleQuoteOpen;

    /// <summary>True when nothing has been appended yet.</summary>
    public bool IsEmpty => _text.Length == 0;

    /// <summary>Appends one word token, spacing it by the rules above.</summary>
    public void Append(string word)
    {
        if (word == "." && _text.Length > 0 && _text[^1] == '.') return;
        var (surface, attachesLeft, attachesRight) = Classify(word);
        if (!_suppressNextSpace && !attachesLeft) _text.Append(' ');
        _text.Append(surface);
        _suppressNextSpace = attachesRight;
    }

    /// <summary>The text built so far.</summary>
    public override string ToString() => _text.ToString();

    private (string Surface, bool AttachesLeft, bool AttachesRight) Classify(string word)
    {
        if (word == "``") return ("\"", false, true);
        if (word == "''") return ("\"", true, false);
        if (word == "'") return ToggleSingleQuote();
        if (AttachLeft.Contains(word)) return (word, true, false);
        if (AttachRight.Contains(word)) return (word, false, true);
        return (word, false, false);
    }

    private (string, bool, bool) ToggleSingleQuote()
    {
        _singleQuoteOpen = !_singleQuoteOpen;
        return _singleQuoteOpen ? ("'", false, true) : ("'", true, false);
    }
}
