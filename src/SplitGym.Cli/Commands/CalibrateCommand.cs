using System.CommandLine;
using System.Globalization;
using SplitGym.Llm.Calibration;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym calibrate</c>: measures the split model's perplexity over a grid of split points ×
/// channel intensities × fading shapes and writes a perplexity table (or, with <c>--shard</c>, one
/// shard's result for <c>calibrate merge</c>). Resumable through a journal next to the output.
/// </summary>
public static class CalibrateCommand
{
    private static readonly CalibrateInputs Inputs = new("1..L-1");
    private static readonly Option<string> Intensities = new("--intensities") { Description = "Noise σ values (or erasure q), increasing, e.g. 0,0.05,0.1.", HelpName = "LIST", Required = true };
    private static readonly Option<string?> Shapes = new("--shapes") { Description = "Nakagami m values, increasing (default 0.5,1,2,4,8; erasure: 0).", HelpName = "LIST" };
    private static readonly Option<int> MinRepeats = OptionFactory.Integer("--min-repeats", SweepSettings.Default.MinRepeats, "Fewest channel draws per cell.", minimum: 2);
    private static readonly Option<int> MaxRepeats = OptionFactory.Integer("--max-repeats", SweepSettings.Default.MaxRepeats, "Most channel draws per cell.", minimum: 2);
    private static readonly Option<double> TargetError = OptionFactory.Real("--target-se", SweepSettings.Default.TargetRelativeStandardError, "Stop drawing when standard error ≤ this fraction of the mean.", 1e-6, 1);
    private static readonly Option<string?> Shard = ShardOption.Create("Compute only shard i of N (zero-based, e.g. 0/4); write a shard file for 'calibrate merge'.");
    private static readonly Option<string?> Out = new("--out") { Description = "Output file (default: perplexity-VARIANT.json, or perplexity-VARIANT.shard-i-of-N.json).", HelpName = "FILE" };

    /// <summary>Builds the command with its <c>merge</c>, <c>pilot</c> and <c>plot</c> subcommands.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("calibrate",
            "Measure split-model perplexity over split points × σ (or q) × Nakagami m into a perplexity table.\n" +
            "Killed at any moment, a rerun with the same options resumes from the journal (OUT.journal).\n\n" +
            "Examples:\n  splitgym calibrate --model envs/SplitGym.Envs/Assets/tiny-llama --text ~/.cache/splitgym/corpora/brown-1.9.80/test.txt --intensities 0,0.1,0.3,1\n" +
            "  splitgym calibrate --model DIR --text PATH --variant erasure --intensities 0.01,0.05,0.1,0.2,0.3 --shard 0/4 --out shard0.json")
        {
            Intensities, Shapes, MinRepeats, MaxRepeats, TargetError, Shard, Out,
            CalibrateMergeCommand.Create(console), CalibratePilotCommand.Create(console), CalibratePlotCommand.Create(console),
        };
        Inputs.AddTo(command);
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static void Run(ParseResult parse, CliConsole console)
    {
        var shard = ShardOption.Value(parse, Shard);
        using var opened = Inputs.Open(parse);
        var header = Header(parse, opened);
        string output = parse.GetValue(Out) ?? DefaultOutput(opened.Channel, shard);
        console.Out.WriteLine($"calibrate: {header.Grid.CellCount} cells ({shard.OwnedCells(header.Grid.CellCount).Count()} in shard {shard}), {header.Evaluation.Tokens} tokens per draw, journal {output}.journal");
        var sweep = new CalibrationSweep(header, shard, opened.Evaluator) { Progress = p => ReportProgress(console, p) };
        var outcome = sweep.Run(output + ".journal");
        Save(header, shard, outcome, output);
        ReportOutcome(console, header, outcome, output);
    }

    private static CalibrationHeader Header(ParseResult parse, OpenedCalibration opened)
    {
        int layers = opened.Identity.NumLayers;
        var splits = Inputs.SplitsOrDefault(parse, () => [.. Enumerable.Range(1, layers - 1)]);
        double[] shapes = parse.GetValue(Shapes) is { } k ? CalibrateAxes.ParseReals(k) : opened.Channel.IsErasure ? [0] : [0.5, 1, 2, 4, 8];
        var grid = new CalibrationGrid(splits, CalibrateAxes.ParseReals(parse.GetRequiredValue(Intensities)), shapes);
        var sweep = new SweepSettings(parse.GetValue(MinRepeats), parse.GetValue(MaxRepeats), parse.GetValue(TargetError), parse.GetValue(Inputs.Seed));
        var header = new CalibrationHeader(opened.Identity, opened.Evaluation, opened.Channel, sweep, grid);
        header.Validate();
        return header;
    }

    private static string DefaultOutput(ChannelDescription channel, ShardSpec shard) =>
        shard.IsWhole ? $"perplexity-{channel.Variant}.json" : $"perplexity-{channel.Variant}.shard-{shard.Index}-of-{shard.Count}.json";

    private static void Save(CalibrationHeader header, ShardSpec shard, SweepOutcome outcome, string output)
    {
        if (shard.IsWhole)
            new PerplexityTable(header, outcome.CleanPerplexity, outcome.Cells).Save(output);
        else
            new CalibrationShard(header, shard, outcome.CleanPerplexity, outcome.Cells).Save(output);
    }

    private static void ReportProgress(CliConsole console, SweepProgress progress)
    {
        var cell = progress.Cell;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{progress.Finished}/{progress.Total} {progress.Elapsed:hh\\:mm\\:ss}] p={cell.Split} intensity={cell.Intensity} m={cell.Shape}: PPL {cell.Mean:F4} ± {cell.StandardError:F4} ({cell.Repeats} draws)"));
    }

    private static void ReportOutcome(CliConsole console, CalibrationHeader header, SweepOutcome outcome, string output)
    {
        var above = outcome.AboveTarget(header.Sweep);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calibrate: wrote {output} ({outcome.Cells.Count} cells, {outcome.Measured} measured now, clean PPL {outcome.CleanPerplexity:F4}); {above.Count} cells above the {header.Sweep.TargetRelativeStandardError:P0} standard-error target."));
        foreach (var cell in above)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  above target: p={cell.Split} intensity={cell.Intensity} m={cell.Shape} SE {cell.RelativeStandardError:P2} after {cell.Repeats} draws"));
    }
}
