namespace SplitGym.Cli.Commands;

/// <summary>Where commands write: normal output and diagnostics, swappable so tests can capture both.</summary>
/// <param name="Out">Results and progress lines.</param>
/// <param name="Error">Error messages (one line each).</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
