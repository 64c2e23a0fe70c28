using FsCheck;
using FsCheck.Xunit;
using SplitGym.Llm.Tokenizers;

namespace SplitGym.Llm.Tests.Tokenizers;

public class ByteTokenizerTests
{
    private readonly ByteTokenizer _tokenizer = new();

    [Property]
    public bool AnyWellFormedTextRoundTrips(NonNull<string> text)
    {
        var value = text.Get;
        if (!IsWellFormedUtf16(value)) return true;
        return _tokenizer.Decode(_tokenizer.Encode(value)) == value;
    }

    [Property]
    public bool IdsAreTheUtf8Bytes(NonNull<string> text) =>
        _tokenizer.Encode(text.Get).SequenceEqual(System.Text.Encoding.UTF8.GetBytes(text.Get).Select(b => (int)b));

    [Fact]
    public void MultiByteCharactersBecomeSeveralIds()
    {
        Assert.Equal([0xC3, 0xA9, 0x61], _tokenizer.Encode("éa"));
        Assert.Equal(256, _tokenizer.VocabSize);
    }

    [Fact]
    public void CutCharacterDecodesToReplacementCharacter() => Assert.Equal("\uFFFD", _tokenizer.Decode([0xC3]));

    [Theory]
    [InlineData(256)]
    [InlineData(-1)]
    public void OutOfRangeIdIsRejected(int id)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Decode([65, id]));
        Assert.Contains("position 1", error.Message);
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return false;
        }
        return true;
    }
}
