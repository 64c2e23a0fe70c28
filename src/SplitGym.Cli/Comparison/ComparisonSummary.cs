using System.Globalization;
using System.Text;
using System.Text.Json;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Mean ± standard deviation over seeds, per agent, of every figure in <see cref="RunResult"/>, written
/// as <c>summary.md</c> (a table a person reads) and <c>summary.json</c> (for notebooks).
/// </summary>
public sealed class ComparisonSummary
{
    private readonly IReadOnlyList<RunResult> _results;

    /// <summary>Summarises <paramref name="results"/> of the comparison described by <paramref name="title"/>.</summary>
    public ComparisonSummary(string title, IReadOnlyList<RunResult> results)
    {
        Title = title;
        _results = results;
    }

    /// <summary>What was compared (env, budget, seeds).</summary>
    public string Title { get; }

    /// <summary>Agents in first-seen order, each with its seeds' results.</summary>
    public IEnumerable<IGrouping<string, RunResult>> ByAgent => _results.GroupBy(r => r.Agent);

    /// <summary>The Markdown table.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"# {Title}").AppendLine();
        text.AppendLine("| agent | seeds | normalised score | mean regret / step | live-equivalent evaluations | wall time (s) | env-steps/s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var agent in ByAgent)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {agent.Key} | {agent.Count()} | {MeanStd(agent, r => r.NormalisedScore, "0.000")} | {MeanStd(agent, r => r.MeanRegret, "0.0000")} | {MeanStd(agent, r => r.LiveEquivalentEvaluations, "0")} | {MeanStd(agent, r => r.WallSeconds, "0.0")} | {MeanStd(agent, r => r.StepsPerSecond, "0")} |"));
        }
        text.AppendLine().AppendLine("Normalised score = (R_agent − R_random) / (R_oracle − R_random) on the same evaluation episodes: 0 is no skill, 1 is perfect.");
        return text.ToString();
    }

    /// <summary>Writes <c>summary.md</c> and <c>summary.json</c> into <paramref name="folder"/> atomically.</summary>
    public void Write(string folder)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.md"), ToMarkdown());
        var json = new
        {
            title = Title,
            agents = ByAgent.Select(agent => new
            {
                agent = agent.Key,
                seeds = agent.Select(r => r.Seed).ToArray(),
                normalised_score = Stats(agent, r => r.NormalisedScore),
                mean_regret = Stats(agent, r => r.MeanRegret),
                live_equivalent_evaluations = Stats(agent, r => r.LiveEquivalentEvaluations),
                wall_seconds = Stats(agent, r => r.WallSeconds),
                steps_per_second = Stats(agent, r => r.StepsPerSecond),
            }),
            runs = _results,
        };
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), JsonSerializer.Serialize(json, RunResult.Json));
    }

    private static object Stats(IEnumerable<RunResult> runs, Func<RunResult, double> value)
    {
        var (mean, std) = MeanAndStd(runs.Select(value).ToList());
        return new { mean, std };
    }

    private static string MeanStd(IEnumerable<RunResult> runs, Func<RunResult, double> value, string format)
    {
        var (mean, std) = MeanAndStd(runs.Select(value).ToList());
        return string.Create(CultureInfo.InvariantCulture, $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {std.ToString(format, CultureInfo.InvariantCulture)}");
    }

    /// <summary>Mean and population standard deviation (0 for a single seed).</summary>
    public static (double Mean, double Std) MeanAndStd(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return (mean, Math.Sqrt(values.Average(v => (v - mean) * (v - mean))));
    }
}
