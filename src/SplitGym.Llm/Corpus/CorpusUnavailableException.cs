namespace SplitGym.Llm.Corpus;

/// <summary>
/// Thrown when a corpus cannot be obtained (the package tool is missing or the package cannot be
/// fetched). The message names the alternative: giving a UTF-8 text file or folder, or WikiText-2 raw files, by path.
/// </summary>
public sealed class CorpusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
