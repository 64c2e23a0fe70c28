using System.Text.Json;
using SplitGym.Llm.IO;
using SplitGym.Llm.Tokenizers;

namespace SplitGym.Llm.Training;

/// <summary>
/// Writes <c>tokenizer_config.json</c> for a byte-level checkpoint, so that the folder says how its
/// ids map to text: one token per UTF-8 byte, id = byte value, no special tokens (see <see cref="ByteTokenizer"/>).
/// </summary>
public static class ByteTokenizerDescription
{
    /// <summary>File name of the tokenizer description inside a checkpoint folder.</summary>
    public const string FileName = "tokenizer_config.json";

    /// <summary>Writes the description into <paramref name="folder"/> atomically.</summary>
    public static void Write(string folder)
    {
        var description = new
        {
            tokenizer_class = "ByteTokenizer",
            tokenizer_type = "byte-level",
            vocab_size = ByteTokenizer.ByteVocabSize,
            encoding = "UTF-8",
            special_tokens = Array.Empty<string>(),
            description = "One token per UTF-8 byte; token id = byte value (0-255); no BOS/EOS/padding tokens; perplexity is per byte.",
        };
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(description, new JsonSerializerOptions { WriteIndented = true }));
    }
}
