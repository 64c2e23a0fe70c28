namespace SplitGym.Agents.Logging;

/// <summary>CleanRL's run naming: <c>{env}__{algo}__{seed}__{unix time}</c>, one folder per run.</summary>
public static class RunFolder
{
    /// <summary>The run folder path under <paramref name="root"/> (env ids with '/' get '_').</summary>
    public static string PathFor(string root, string envName, string algorithm, int seed, DateTimeOffset time) =>
        Path.Combine(root, $"{envName.Replace('/', '_')}__{algorithm}__{seed}__{time.ToUnixTimeSeconds()}");
}
