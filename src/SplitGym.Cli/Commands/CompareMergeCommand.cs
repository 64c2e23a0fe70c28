using System.CommandLine;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Commands;

/// <summary><c>splitgym compare merge</c>: combines the shard folders of one sharded comparison into a folder with the summary and figures.</summary>
public static class CompareMergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var shards = new Argument<string[]>("shard-folders") { Description = "The folders written by 'compare --shard i/N', one per shard.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder of the merged comparison.", HelpName = "DIR", Required = true };
        var command = new Command("merge",
            "Merge the shard folders of one comparison into a folder with summary.md, summary.json, the figures and every run's logs. " +
            "Refuses shards of different configurations, repeated or missing shards, and unfinished shards.\n\n" +
            "Example:\n  splitgym compare merge runs/study/shard-0 runs/study/shard-1 runs/study/shard-2 --out runs/study")
        {
            shards, output,
        };
        command.SetAction(parse =>
        {
            string folder = parse.GetRequiredValue(output);
            var (plan, results) = ComparisonMerge.Merge(parse.GetRequiredValue(shards), folder);
            console.Out.Write(ComparisonReport.Write(folder, plan, results).ToMarkdown());
            console.Out.WriteLine($"Merged {parse.GetRequiredValue(shards).Length} shards ({results.Count} runs) into {Path.GetFullPath(folder)}");
        });
        return command;
    }
}
