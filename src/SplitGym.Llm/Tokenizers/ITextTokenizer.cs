namespace SplitGym.Llm.Tokenizers;

/// <summary>
/// Turns text into the token ids a language model consumes and back. Perplexity is measured per
/// token of the tokenizer in use, so every evaluation reports which tokenizer (and thus which unit)
/// its figures refer to.
/// </summary>
public interface ITextTokenizer
{
    /// <summary>Number of distinct ids; every id from <see cref="Encode"/> lies in [0, VocabSize).</summary>
    int VocabSize { get; }

    /// <summary>Encodes <paramref name="text"/> without adding special (BOS/EOS) tokens.</summary>
    int[] Encode(string text);

    /// <summary>Decodes ids back to text; special tokens are skipped.</summary>
    string Decode(ReadOnlySpan<int> ids);
}
