using System.Text;

namespace SplitGym.Llm.Corpus;

/// <summary>Reads text files strictly as UTF-8, so a wrongly encoded corpus fails loudly instead of training on replacement characters.</summary>
public static class Utf8TextFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file as UTF-8 (a leading byte-order mark is skipped) and normalises line ends to <c>'\n'</c>.</summary>
    /// <exception cref="CorpusFormatException">The file is missing or is not valid UTF-8 (the message gives the byte offset).</exception>
    public static string Read(string path)
    {
        if (!File.Exists(path))
            throw new CorpusFormatException($"Text file '{path}' does not exist; expected a UTF-8 text file.");
        return Decode(File.ReadAllBytes(path), path);
    }

    /// <summary>Decodes bytes as strict UTF-8; <paramref name="source"/> names them in the error message.</summary>
    /// <exception cref="CorpusFormatException">The bytes are not valid UTF-8.</exception>
    public static string Decode(byte[] bytes, string source)
    {
        var bom = bytes.AsSpan().StartsWith(Strict.Preamble) ? Strict.Preamble.Length : 0;
        try
        {
            return Strict.GetString(bytes, bom, bytes.Length - bom).Replace("\r\n", "\n");
        }
        catch (DecoderFallbackException error)
        {
            throw new CorpusFormatException(
                $"'{source}' is not valid UTF-8 near byte offset {bom + Math.Max(error.Index, 0)}; expected UTF-8 text (convert it, e.g. with iconv).", error);
        }
    }
}
