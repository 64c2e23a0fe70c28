namespace SplitGym.Cli;

/// <summary>Entry point of the <c>splitgym</c> command line.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        Console.WriteLine("splitgym: commands arrive with the environment and agents.");
        return 0;
    }
}
