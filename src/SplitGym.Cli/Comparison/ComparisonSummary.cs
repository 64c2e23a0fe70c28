using System.Globalization;
using System.Text;
using System.Text.Json;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Mean ± standard deviation over seeds, per env and agent, of every figure in <see cref="RunResult"/>,
/// written as <c>summary.md</c> (a table a person reads) and <c>summary.json</c> (for notebooks and figures).
/// </summary>
/// <param name="Title">What was compared (agents, envs, budget, seeds).</param>
/// <param name="Results">Every run's result.</param>
public sealed record ComparisonSummary(string Title, IReadOnlyList<RunResult> Results)
{
    /// <summary>(env, agent) groups in first-seen order, each with its seeds' results.</summary>
    public IEnumerable<IGrouping<(string Env, string Agent), RunResult>> Rows => Results.GroupBy(r => (r.Key.EnvId, r.Key.Agent));

    /// <summary>The Markdown table.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"# {Title}").AppendLine();
        text.AppendLine("| env | agent | seeds | normalised score | final regret / step | live-equivalent evaluations | wall time (s) | env-steps/s |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Key.Env} | {row.Key.Agent} | {row.Count()} | {MeanStd(row, r => r.NormalisedScore, "0.000")} | {MeanStd(row, r => r.FinalRegret, "0.0000")} | {MeanStd(row, r => r.LiveEquivalentEvaluations, "0")} | {MeanStd(row, r => r.WallSeconds, "0.0")} | {MeanStd(row, r => r.StepsPerSecond, "0")} |"));
        }
        text.AppendLine().AppendLine("Normalised score = (R_agent − R_random) / (R_oracle − R_random) on the same evaluation episodes: 0 is no skill, 1 is perfect. " +
            "Final regret = mean per-step expected-reward gap of the trained policy to the oracle split. Live-equivalent evaluations = perplexity evaluations of the real split model that training consumed (table backend: would have consumed).");
        return text.ToString();
    }

    /// <summary>Writes <c>summary.md</c> and <c>summary.json</c> into <paramref name="folder"/> atomically.</summary>
    public void Write(string folder)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.md"), ToMarkdown());
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), ToJson());
    }

    /// <summary>The JSON form: per (env, agent) statistics, then every run.</summary>
    public string ToJson()
    {
        var json = new
        {
            title = Title,
            rows = Rows.Select(row => new
            {
                env = row.Key.Env,
                agent = row.Key.Agent,
                seeds = row.Select(r => r.Key.Seed).ToArray(),
                normalised_score = Stats(row, r => r.NormalisedScore),
                final_regret = Stats(row, r => r.FinalRegret),
                live_equivalent_evaluations = Stats(row, r => r.LiveEquivalentEvaluations),
                wall_seconds = Stats(row, r => r.WallSeconds),
                steps_per_second = Stats(row, r => r.StepsPerSecond),
            }),
            runs = Results,
        };
        return JsonSerializer.Serialize(json, RunResult.Json);
    }

    private static object Stats(IEnumerable<RunResult> runs, Func<RunResult, double> value)
    {
        var (mean, std) = MeanAndStd([.. runs.Select(value)]);
        return new { mean, std };
    }

    private static string MeanStd(IEnumerable<RunResult> runs, Func<RunResult, double> value, string format)
    {
        var (mean, std) = MeanAndStd([.. runs.Select(value)]);
        return $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {std.ToString(format, CultureInfo.InvariantCulture)}";
    }

    /// <summary>Mean and population standard deviation (0 for a single seed).</summary>
    public static (double Mean, double Std) MeanAndStd(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return (mean, Math.Sqrt(values.Average(v => (v - mean) * (v - mean))));
    }
}
