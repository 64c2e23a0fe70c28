using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Llm.Corpus;

namespace SplitGym.Llm.Tests.Corpus;

public class RunningTextBuilderTests
{
    private static readonly string[] Vocabulary = ["word", "the", ".", ",", "``", "''", "'", "(", ")", "--", "?", "[", "]"];

    private static string Build(IEnumerable<string> words)
    {
        var builder = new RunningTextBuilder();
        foreach (var word in words) builder.Append(word);
        return builder.ToString();
    }

    [Property]
    public Property OutputNeverHasDoubleSpacesOrOuterSpaces() =>
        Prop.ForAll(Gen.Elements(Vocabulary).ArrayOf().ToArbitrary(), words =>
        {
            var text = Build(words);
            return !text.Contains("  ") && text == text.Trim();
        });

    [Property]
    public Property WordsKeepTheirOrderWhenQuotesAreMappedAndDoublePeriodsMerged() =>
        Prop.ForAll(Gen.Elements(Vocabulary).ArrayOf().ToArbitrary(), words =>
        {
            var expected = words.Aggregate("", (text, w) =>
                w == "." && text.EndsWith('.') ? text : text + (w is "``" or "''" ? "\"" : w)); // a period after a period is dropped
            return Build(words).Replace(" ", "") == expected;
        });

    [Fact]
    public void SingleQuotesAlternateBetweenOpeningAndClosing() =>
        Assert.Equal("a 'b' c 'd'", Build(["a", "'", "b", "'", "c", "'", "d", "'"]));
}
