using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Llm.Tests.Reference;
using SplitGym.Llm.Tokenizers;

namespace SplitGym.Llm.Tests.Tokenizers;

public class SentencePieceTextTokenizerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SentencePieceTextTokenizer _tokenizer;

    public SentencePieceTextTokenizerTests()
    {
        File.WriteAllBytes(_directory.File("tokenizer.model"), SentencePieceModelWriter.Build());
        _tokenizer = SentencePieceTextTokenizer.Load(_directory.File("tokenizer.model"));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void MergesKnownPiecesAndExposesSpecialIds()
    {
        var ids = _tokenizer.Encode("the");
        Assert.Equal([259 + Array.IndexOf(SentencePieceModelWriter.Pieces, "▁the")], ids);
        Assert.Equal((1, 2, SentencePieceModelWriter.VocabSize), (_tokenizer.BosId, _tokenizer.EosId, _tokenizer.VocabSize));
    }

    [Fact]
    public void UnknownCharactersFallBackToBytes()
    {
        var ids = _tokenizer.Encode("é");
        Assert.Contains(3 + 0xC3, ids);
        Assert.Contains(3 + 0xA9, ids);
        Assert.Equal("é", _tokenizer.Decode(ids));
    }

    public static Arbitrary<string> Texts() =>
        Gen.Elements("a", "e", "t", "h", " ", "the", "é", "中", "\n", "W", "3", "🙂").ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 200)]
    public Property TextRoundTrips() =>
        Prop.ForAll(Texts(), text => _tokenizer.Decode(_tokenizer.Encode(text)) == text);

    [Fact]
    public void EveryIdLiesInTheVocabulary() =>
        Assert.All(_tokenizer.Encode("the quick brown fox 🙂 über"), id => Assert.InRange(id, 0, _tokenizer.VocabSize - 1));

    [Fact]
    public void BrokenModelFilesAreReported()
    {
        File.WriteAllBytes(_directory.File("bad.model"), [0xFF, 0xFF, 0xFF, 0x01]);
        Assert.Contains("not a usable SentencePiece model", Assert.Throws<InvalidDataException>(() => SentencePieceTextTokenizer.Load(_directory.File("bad.model"))).Message);
        Assert.Throws<FileNotFoundException>(() => SentencePieceTextTokenizer.Load(_directory.File("absent.model")));
    }
}
