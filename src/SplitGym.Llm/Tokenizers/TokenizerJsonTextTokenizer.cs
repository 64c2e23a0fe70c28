using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace SplitGym.Llm.Tokenizers;

/// <summary>
/// A Hugging Face <c>tokenizer.json</c> with a byte-level BPE model (GPT-2 / LLaMA-3 style), run through
/// Microsoft.ML.Tokenizers. Supported: <c>model.type = "BPE"</c> with string or pair merges, a
/// <c>ByteLevel</c> pre-tokenizer (alone or after a regex <c>Split</c>), special tokens from
/// <c>added_tokens</c>. Anything else (e.g. the SentencePiece-style LLaMA-2 <c>tokenizer.json</c>, whose
/// <c>tokenizer.model</c> should be used instead, or <c>add_prefix_space</c>) is rejected with a message
/// saying what was found. The <c>ignore_merges</c> shortcut is not applied; it only matters for vocabulary
/// words that merges cannot build.
/// </summary>
public sealed class TokenizerJsonTextTokenizer : ITextTokenizer
{
    /// <summary>Conventional file name in a Hugging Face checkpoint directory.</summary>
    public const string FileName = "tokenizer.json";

    /// <summary>GPT-2's pre-tokenisation pattern, used by a bare <c>ByteLevel</c> pre-tokenizer with <c>use_regex</c>.</summary>
    private const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    private readonly BpeTokenizer _tokenizer;

    private TokenizerJsonTextTokenizer(BpeTokenizer tokenizer, int vocabSize)
    {
        _tokenizer = tokenizer;
        VocabSize = vocabSize;
    }

    /// <inheritdoc />
    public int VocabSize { get; }

    /// <summary>Reads a <c>tokenizer.json</c> file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed.</exception>
    /// <exception cref="NotSupportedException">The file describes a tokenizer this loader does not implement.</exception>
    public static TokenizerJsonTextTokenizer Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Tokenizer file '{path}' does not exist.", path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return FromJson(document.RootElement, path);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"'{path}' is not a valid tokenizer.json: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. _tokenizer.EncodeToIds(text)];
    }

    /// <inheritdoc />
    public string Decode(ReadOnlySpan<int> ids) => _tokenizer.Decode(ids.ToArray(), considerSpecialTokens: false);

    private static TokenizerJsonTextTokenizer FromJson(JsonElement root, string path)
    {
        var model = root.GetProperty("model");
        var modelType = model.TryGetProperty("type", out var type) ? type.GetString() : null;
        if (modelType != "BPE")
            throw new NotSupportedException($"'{path}': model type '{modelType}' is not supported; expected 'BPE'.");
        var vocabulary = model.GetProperty("vocab").EnumerateObject().Select(item => KeyValuePair.Create(item.Name, item.Value.GetInt32())).ToList();
        var special = SpecialTokens(root);
        var options = new BpeOptions(vocabulary)
        {
            Merges = model.GetProperty("merges").EnumerateArray().Select(MergeText).ToList(),
            ByteLevel = true,
            SpecialTokens = special,
            PreTokenizer = new RegexPreTokenizer(new Regex(PreTokenizerPattern(root, path)), special),
        };
        var vocabSize = vocabulary.Select(pair => pair.Value).Concat(special.Values).Max() + 1;
        return new TokenizerJsonTextTokenizer(BpeTokenizer.Create(options), vocabSize);
    }

    private static string MergeText(JsonElement merge) => merge.ValueKind == JsonValueKind.Array
        ? string.Join(' ', merge.EnumerateArray().Select(part => part.GetString()))
        : merge.GetString()!;

    private static Dictionary<string, int> SpecialTokens(JsonElement root) =>
        root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array
            ? added.EnumerateArray().ToDictionary(token => token.GetProperty("content").GetString()!, token => token.GetProperty("id").GetInt32())
            : [];

    /// <summary>The split pattern of a ByteLevel pre-tokenizer, possibly preceded by a regex Split, or a clear refusal.</summary>
    private static string PreTokenizerPattern(JsonElement root, string path)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var preTokenizer) || preTokenizer.ValueKind != JsonValueKind.Object)
            throw new NotSupportedException($"'{path}' has no pre_tokenizer; only byte-level BPE tokenizers are supported (use tokenizer.model for SentencePiece models).");
        var stages = preTokenizer.GetProperty("type").GetString() == "Sequence"
            ? preTokenizer.GetProperty("pretokenizers").EnumerateArray().ToList()
            : [preTokenizer];
        var byteLevel = stages.LastOrDefault();
        if (stages.Count is 0 or > 2 || byteLevel.GetProperty("type").GetString() != "ByteLevel")
            throw new NotSupportedException($"'{path}': pre_tokenizer {preTokenizer.GetRawText()} is not supported; expected ByteLevel, optionally after one regex Split (use tokenizer.model for SentencePiece models).");
        if (byteLevel.TryGetProperty("add_prefix_space", out var prefix) && prefix.GetBoolean())
            throw new NotSupportedException($"'{path}': ByteLevel add_prefix_space = true is not supported.");
        if (stages.Count == 1) return Gpt2Pattern;
        var split = stages[0];
        if (split.GetProperty("type").GetString() != "Split" || !split.GetProperty("pattern").TryGetProperty("Regex", out var pattern))
            throw new NotSupportedException($"'{path}': pre-tokenizer stage {split.GetRawText()} is not supported; expected a Split with a Regex pattern.");
        return pattern.GetString()!;
    }
}
