using System.Globalization;

namespace SplitGym.Cli.Bench;

/// <summary>One measured path: how many steps it did in how much wall time.</summary>
/// <param name="Path">What was measured (e.g. "raw env, array path").</param>
/// <param name="Steps">Env steps done (for agents: env steps of learning, updates included).</param>
/// <param name="Seconds">Wall time, seconds.</param>
public sealed record Throughput(string Path, long Steps, double Seconds)
{
    /// <summary>Env steps per second of wall time.</summary>
    public double StepsPerSecond => Steps / Math.Max(Seconds, 1e-9);

    /// <summary>Wall time per step, nanoseconds.</summary>
    public double NanosecondsPerStep => Seconds * 1e9 / Math.Max(Steps, 1);

    /// <summary>The Markdown table of <paramref name="rows"/>.</summary>
    public static string Table(IEnumerable<Throughput> rows)
    {
        var lines = new List<string> { "| path | steps | wall time (s) | env-steps/s | ns / step |", "|---|---:|---:|---:|---:|" };
        lines.AddRange(rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Path} | {r.Steps:N0} | {r.Seconds:0.000} | {r.StepsPerSecond:N0} | {r.NanosecondsPerStep:N0} |")));
        return string.Join('\n', lines) + "\n";
    }
}
