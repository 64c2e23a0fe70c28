namespace SplitGym.Cli.Commands;

/// <summary>Process exit codes of <c>splitgym</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran and failed (bad input file, unavailable corpus, ...).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was invalid (unknown option, bad value, missing argument).</summary>
    public const int UsageError = 2;
}
