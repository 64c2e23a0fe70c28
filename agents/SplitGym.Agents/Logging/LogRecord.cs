namespace SplitGym.Agents.Logging;

/// <summary>One dump of the logger: the values recorded since the previous dump, at env step <paramref name="Step"/>.</summary>
public sealed record LogRecord(long Step, IReadOnlyDictionary<string, double> Values);
