namespace SplitGym.Llm.Corpus;

/// <summary>
/// One document of a corpus: the unit that is assigned to a split as a whole, so that no
/// document leaks text into more than one split.
/// </summary>
/// <param name="Id">Stable identifier (for the Brown corpus the file name, e.g. <c>ca01</c>); the split assignment hashes it.</param>
/// <param name="Text">Running text; paragraphs separated by <c>'\n'</c>.</param>
public sealed record CorpusDocument(string Id, string Text);
