using SplitGym.Llm.Corpus;

namespace SplitGym.Llm.Tests.Corpus;

public class BrownTaggedTextTests
{
    // Hand-written in the layout of the tagged Brown files: tab starts a paragraph, blank lines between sentences.
    private const string Tagged =
        "\n\n\tThe/at Fulton/np-tl County/nn-tl jury/nn said/vbd ``/`` no/at evidence/nn ''/'' was/bedz found/vbn ./.\n" +
        "\n\nIt/pps cost/vbd $1,000/nns ,/, (/( 1/2/cd )/) of/in the/at fund/nn ;/. didn't/dod* it/pps ?/.\n" +
        "\n\nMerger/nn-hl proposed/vbn-hl \n" +
        "\n\nHe/pps wrote/vbd '/' hard-fought/jj '/' --/-- really/rb !/.\n" +
        "\n\n\tA/at new/jj paragraph/nn :/: and/or/cc //in mg/l/nn ./.\n" +
        "\n\nHe/pps lives/vbz in/in Belleville/np ,/, Ill./np ./.\n";

    private const string Expected =
        "The Fulton County jury said \"no evidence\" was found. It cost $1,000, (1/2) of the fund; didn't it?\n" +
        "Merger proposed\n" +
        "He wrote 'hard-fought' -- really!\n" +
        "A new paragraph: and/or / mg/l. He lives in Belleville, Ill.";

    [Fact]
    public void StripsTagsAndRebuildsSpacingOfAHandWrittenSample() =>
        Assert.Equal(Expected, BrownTaggedText.ToRunningText("ca99", Tagged));

    [Fact]
    public void CarriageReturnLineEndsGiveTheSameText() =>
        Assert.Equal(Expected, BrownTaggedText.ToRunningText("ca99", Tagged.Replace("\n", "\r\n")));

    [Theory]
    [InlineData("The/at jury", "jury", "no '/'")]
    [InlineData("The/at /nn", "/nn", "word before the last '/' is empty")]
    [InlineData("The/at jury/", "jury/", "tag after the last '/' is empty")]
    [InlineData("The/at jury/NN", "jury/NN", "contains 'N'")]
    [InlineData("The/at jury/n7", "jury/n7", "contains '7'")]
    public void MalformedTokensNameTheTokenTheDocumentAndTheLine(string line, string token, string reason)
    {
        var error = Assert.Throws<CorpusFormatException>(() => BrownTaggedText.ToRunningText("cb07", "\n\n\t" + line + "\n"));
        Assert.Contains($"'{token}'", error.Message);
        Assert.Contains("document 'cb07' line 3", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\t  \n\n")]
    public void EmptyDocumentsAreRejected(string tagged)
    {
        var error = Assert.Throws<CorpusFormatException>(() => BrownTaggedText.ToRunningText("cr01", tagged));
        Assert.Contains("'cr01' contains no word/tag tokens", error.Message);
    }
}
