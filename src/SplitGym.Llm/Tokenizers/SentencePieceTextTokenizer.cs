using Microsoft.ML.Tokenizers;

namespace SplitGym.Llm.Tokenizers;

/// <summary>
/// A Hugging Face LLaMA (1/2, Mistral-style) tokenizer read from a SentencePiece <c>tokenizer.model</c>
/// file through Microsoft.ML.Tokenizers (BPE or unigram models, byte fallback as the file says).
/// <see cref="Encode"/> adds no BOS/EOS; the model's ids are exposed so callers can add them explicitly.
/// </summary>
public sealed class SentencePieceTextTokenizer : ITextTokenizer
{
    /// <summary>Conventional file name in a Hugging Face checkpoint directory.</summary>
    public const string FileName = "tokenizer.model";

    private readonly SentencePieceTokenizer _tokenizer;

    private SentencePieceTextTokenizer(SentencePieceTokenizer tokenizer)
    {
        _tokenizer = tokenizer;
        VocabSize = tokenizer.Vocabulary.Values.Max() + 1;
    }

    /// <inheritdoc />
    public int VocabSize { get; }

    /// <summary>Beginning-of-sentence id of the model.</summary>
    public int BosId => _tokenizer.BeginningOfSentenceId;

    /// <summary>End-of-sentence id of the model.</summary>
    public int EosId => _tokenizer.EndOfSentenceId;

    /// <summary>Reads a SentencePiece model file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a SentencePiece model Microsoft.ML.Tokenizers can use.</exception>
    public static SentencePieceTextTokenizer Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"SentencePiece model '{path}' does not exist.", path);
        using var stream = File.OpenRead(path);
        try
        {
            return new SentencePieceTextTokenizer(SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"'{path}' is not a usable SentencePiece model: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. _tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false)];
    }

    /// <inheritdoc />
    public string Decode(ReadOnlySpan<int> ids) => _tokenizer.Decode(ids.ToArray(), considerSpecialTokens: false);
}
