using System.CommandLine;
using SplitGym.Cli.Commands;

namespace SplitGym.Cli;

/// <summary>Entry point of the <c>splitgym</c> command line.</summary>
public static class Program
{
    /// <summary>Runs the command line (in a relaunched child with a large GC budget, see <see cref="LargeGen0Relaunch"/>) and returns the process exit code.</summary>
    public static int Main(string[] args) => LargeGen0Relaunch.Run(args) ?? Run(args, Console.Out, Console.Error);

    /// <summary>
    /// Parses and runs <paramref name="args"/> writing to the given streams (tests pass string writers).
    /// A parse error or a failing command prints one line on <paramref name="error"/> and returns
    /// <see cref="ExitCodes.UsageError"/> or <see cref="ExitCodes.Failure"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = BuildRootCommand(new CliConsole(output, error)).Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"splitgym: {MostSpecificError(parse)} (see 'splitgym {CommandPath(parse)} --help')");
            return ExitCodes.UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception failure)
        {
            error.WriteLine($"splitgym: {failure.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The root command with every command group registered; add new groups here, one line each.</summary>
    public static RootCommand BuildRootCommand(CliConsole console) =>
    [
        DataCommands.Create(console),
        ModelCommands.Create(console),
        EnvCommands.CreateList(console),
        EnvCommands.CreateCheck(console),
        AgentTrainCommand.Create(console),
        AgentEvalCommand.Create(console),
        CompareCommand.Create(console),
        BenchCommand.Create(console),
        CalibrateCommand.Create(console),
    ];

    /// <summary>The error about an unrecognised token if there is one (it names what the user typed), else the first; on one line.</summary>
    private static string MostSpecificError(ParseResult parse)
    {
        var error = parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Any(token => e.Message.Contains(token, StringComparison.Ordinal))) ?? parse.Errors[0];
        return string.Join(' ', error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return string.Join(' ', names);
    }
}
