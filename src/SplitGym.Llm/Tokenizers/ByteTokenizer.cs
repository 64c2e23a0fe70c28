using System.Text;

namespace SplitGym.Llm.Tokenizers;

/// <summary>
/// The byte-level tokenizer of SplitGym's shipped tiny model: a token is one byte of the UTF-8
/// encoding, so the vocabulary is exactly the 256 byte values and perplexity is per byte.
/// There are deliberately no BOS/EOS/padding ids: every id is a byte, any text round-trips exactly,
/// and a model trained on raw text streams never needs a 257th embedding row. Sequence boundaries,
/// if wanted, are expressed in the text itself (e.g. a newline).
/// </summary>
public sealed class ByteTokenizer : ITextTokenizer
{
    /// <summary>Number of ids: one per byte value.</summary>
    public const int ByteVocabSize = 256;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <inheritdoc />
    public int VocabSize => ByteVocabSize;

    /// <inheritdoc />
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Utf8.GetBytes(text);
        var ids = new int[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) ids[i] = bytes[i];
        return ids;
    }

    /// <summary>Decodes byte ids as UTF-8; invalid byte sequences (e.g. a cut multi-byte character) become U+FFFD.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is outside [0, 256).</exception>
    public string Decode(ReadOnlySpan<int> ids)
    {
        var bytes = new byte[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= ByteVocabSize)
                throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"Byte token id at position {i} must lie in [0, {ByteVocabSize}).");
            bytes[i] = (byte)ids[i];
        }
        return Utf8.GetString(bytes);
    }
}
