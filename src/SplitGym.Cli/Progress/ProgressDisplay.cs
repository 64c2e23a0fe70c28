using Spectre.Console;
using SplitGym.Cli.Commands;

namespace SplitGym.Cli.Progress;

/// <summary>Chooses how progress is shown: <c>live</c> (Spectre.Console), <c>plain</c> lines, or <c>auto</c> (live only when stdout is an interactive terminal).</summary>
public static class ProgressDisplay
{
    /// <summary>The values <c>--progress</c> accepts.</summary>
    public static IReadOnlyList<string> Modes { get; } = ["auto", "plain", "live"];

    /// <summary>The reporter for <paramref name="mode"/>, writing to <paramref name="console"/>.</summary>
    public static IRunProgress Create(string mode, CliConsole console) => mode switch
    {
        "plain" => new PlainRunProgress(console.Out),
        "live" => new LiveRunProgress(AnsiConsole.Console),
        "auto" => IsTerminal(console) ? new LiveRunProgress(AnsiConsole.Console) : new PlainRunProgress(console.Out),
        _ => throw new ArgumentException($"--progress '{mode}' is not one of {string.Join(", ", Modes)}."),
    };

    /// <summary>True when the command writes to the process's own stdout and that is an interactive terminal (not a pipe, file or test writer).</summary>
    private static bool IsTerminal(CliConsole console) =>
        ReferenceEquals(console.Out, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>The <c>--progress</c> option.</summary>
    public static System.CommandLine.Option<string> Option() =>
        OptionFactory.Choice("--progress", "auto", "How to show progress: live (a Spectre.Console display), plain (one line per event) or auto (live in a terminal, plain otherwise).", Modes);
}
