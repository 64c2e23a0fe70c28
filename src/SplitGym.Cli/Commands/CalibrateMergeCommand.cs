using System.CommandLine;
using SplitGym.Llm.Calibration;

namespace SplitGym.Cli.Commands;

/// <summary><c>splitgym calibrate merge</c>: combines the shard files of one sweep into a table, refusing inconsistent shards.</summary>
public static class CalibrateMergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var shards = new Argument<string[]>("shards") { Description = "The shard files written by 'calibrate --shard i/N'.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Table file to write.", HelpName = "FILE", Required = true };
        var command = new Command("merge",
            "Merge the shard files of one sweep into a perplexity table. Refuses shards of different models, texts, channels, " +
            "repeat policies or grids, duplicate or missing shards.\n\nExample:\n  splitgym calibrate merge --out perplexity-nakagami-awgn.json shard-*.json")
        {
            shards, output,
        };
        command.SetAction(parse =>
        {
            var table = ShardMerge.Merge(parse.GetRequiredValue(shards));
            string path = parse.GetRequiredValue(output);
            table.Save(path);
            console.Out.WriteLine($"calibrate merge: wrote {path} ({table.Cells.Count} cells from {parse.GetRequiredValue(shards).Length} shards).");
        });
        return command;
    }
}
