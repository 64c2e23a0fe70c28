namespace SplitGym.Llm.Corpus;

/// <summary>
/// Thrown when corpus input cannot be read as what it claims to be (a malformed Brown tag, text that
/// is not UTF-8, an empty input). The message names the file or document, the offending value and
/// what was expected.
/// </summary>
public sealed class CorpusFormatException(string message, Exception? inner = null) : Exception(message, inner);
