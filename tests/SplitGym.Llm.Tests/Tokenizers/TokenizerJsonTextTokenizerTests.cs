using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Llm.Tests.Reference;
using SplitGym.Llm.Tokenizers;

namespace SplitGym.Llm.Tests.Tokenizers;

public class TokenizerJsonTextTokenizerTests : IDisposable
{
    private const string Llama3Pattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";
    private static readonly string[][] Merges = [["Ġ", "t"], ["h", "e"], ["Ġt", "he"], ["i", "n"], ["Ġ", "a"]];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>GPT-2's reversible byte → printable character table, written out from its definition.</summary>
    private static string[] ByteSymbols()
    {
        var symbols = new string[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            symbols[b] = ((char)(printable ? b : next++)).ToString();
        }
        return symbols;
    }

    private string Write(object preTokenizer, bool pairMerges = false, string modelType = "BPE")
    {
        var vocab = ByteSymbols().Select((symbol, id) => (symbol, id)).ToDictionary(p => p.symbol, p => p.id);
        foreach (var merge in Merges) vocab[merge[0] + merge[1]] = vocab.Count;
        var json = new Dictionary<string, object>
        {
            ["added_tokens"] = new[] { new { id = 300, content = "<|end|>", special = true } },
            ["pre_tokenizer"] = preTokenizer,
            ["model"] = new Dictionary<string, object>
            {
                ["type"] = modelType, ["vocab"] = vocab,
                ["merges"] = pairMerges ? Merges : Merges.Select(m => m[0] + " " + m[1]).ToArray(),
            },
        };
        var path = _directory.File("tokenizer.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return path;
    }

    private static object ByteLevel(bool prefix = false) => new { type = "ByteLevel", add_prefix_space = prefix, use_regex = true };

    private static object Llama3Style() => new
    {
        type = "Sequence",
        pretokenizers = new object[] { new { type = "Split", pattern = new { Regex = Llama3Pattern }, behavior = "Isolated" }, ByteLevel() },
    };

    public static Arbitrary<string> Texts() =>
        Gen.Elements("a", "t", "h", "e", " ", " the", "in", "é", "中", "\n", "'s", "42", "🙂", "!").ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 40)]
    public Property GptStyleRoundTrips()
    {
        var tokenizer = TokenizerJsonTextTokenizer.Load(Write(ByteLevel()));
        return Prop.ForAll(Texts(), text => tokenizer.Decode(tokenizer.Encode(text)) == text);
    }

    [Property(MaxTest = 40)]
    public Property Llama3StyleRoundTrips()
    {
        var tokenizer = TokenizerJsonTextTokenizer.Load(Write(Llama3Style(), pairMerges: true));
        return Prop.ForAll(Texts(), text => tokenizer.Decode(tokenizer.Encode(text)) == text);
    }

    [Fact]
    public void AppliesMergesAndKnowsSpecialTokens()
    {
        var tokenizer = TokenizerJsonTextTokenizer.Load(Write(Llama3Style()));
        Assert.Equal([258], tokenizer.Encode(" the"));
        Assert.Equal(301, tokenizer.VocabSize);
        Assert.Equal([259], tokenizer.Encode("in"));
        Assert.Equal([260, 300], tokenizer.Encode(" a<|end|>"));
    }

    [Fact]
    public void UnsupportedTokenizersAreRefusedWithTheReason()
    {
        Assert.Contains("model type 'Unigram'", Assert.Throws<NotSupportedException>(() => TokenizerJsonTextTokenizer.Load(Write(ByteLevel(), modelType: "Unigram"))).Message);
        Assert.Contains("add_prefix_space", Assert.Throws<NotSupportedException>(() => TokenizerJsonTextTokenizer.Load(Write(ByteLevel(prefix: true)))).Message);
        Assert.Contains("tokenizer.model", Assert.Throws<NotSupportedException>(() => TokenizerJsonTextTokenizer.Load(Write(new { type = "Metaspace", replacement = "▁" }))).Message);
    }

    [Fact]
    public void MalformedFilesAreReported()
    {
        var path = _directory.File("tokenizer.json");
        File.WriteAllText(path, "{\"model\": ");
        Assert.Contains("not a valid tokenizer.json", Assert.Throws<InvalidDataException>(() => TokenizerJsonTextTokenizer.Load(path)).Message);
        File.WriteAllText(path, "{}");
        Assert.Contains("not a valid tokenizer.json", Assert.Throws<InvalidDataException>(() => TokenizerJsonTextTokenizer.Load(path)).Message);
        Assert.Throws<FileNotFoundException>(() => TokenizerJsonTextTokenizer.Load(_directory.File("absent.json")));
    }
}
