using System.CommandLine;
using System.Globalization;
using SplitGym.Analysis.Figures;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Cost;
using SplitGym.Llm.Model;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym calibrate plot</c>: PNG figures from perplexity tables (perplexity versus split per
/// shape, and the optimal-split heatmap), and the default λ chosen from the first table.
/// </summary>
public static class CalibratePlotCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var tables = new Argument<string[]>("tables") { Description = "Perplexity table files; λ is chosen on the first.", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string>("--model") { Description = "Checkpoint folder whose config.json gives the FLOP model for C_UE(p).", HelpName = "DIR", Required = true };
        var outDir = new Option<string>("--out-dir") { Description = "Folder for the PNG files.", HelpName = "DIR", DefaultValueFactory = _ => "docs/figures" };
        var lambda = OptionFactory.Real("--lambda", -1, "Weight of C_UE(p) in the reward; negative chooses it from the first table (see LambdaChoice).", double.NegativeInfinity);
        var maxDegradation = OptionFactory.Real("--max-degradation", 10, "Cap on PPL / PPL_clean − 1 in the reward (the environment's default, SplitInferenceOptions.MaxDegradation).", 1e-9);
        var command = new Command("plot",
            "Draw perplexity versus split point (one PNG per Nakagami m) and the optimal-split heatmap p*(σ, m) for the default reward.\n\n" +
            "Example:\n  splitgym calibrate plot --model envs/SplitGym.Envs/Assets/tiny-llama perplexity-nakagami-awgn.json perplexity-erasure.json")
        {
            tables, model, outDir, lambda, maxDegradation,
        };
        command.SetAction(parse =>
        {
            var loaded = parse.GetRequiredValue(tables).Select(PerplexityTable.Load).ToList();
            var config = LlamaConfig.Load(Path.Combine(parse.GetRequiredValue(model), "config.json"));
            var load = new ComputeLoad(DecoderDimensions.From(config, loaded[0].Evaluation.Window));
            double clip = parse.GetValue(maxDegradation);
            double chosen = parse.GetValue(lambda) >= 0 ? parse.GetValue(lambda) : ChooseLambda(console, loaded[0], load, clip);
            string folder = parse.GetRequiredValue(outDir);
            Directory.CreateDirectory(folder);
            foreach (var table in loaded)
                Draw(console, new SplitRewardAnalysis(table, load, chosen, clip), table, folder);
        });
        return command;
    }

    private static double ChooseLambda(CliConsole console, PerplexityTable table, ComputeLoad load, double clip)
    {
        var scores = LambdaChoice.Score(table, load, LambdaChoice.DefaultCandidates, clip);
        var chosen = LambdaChoice.Choose(table, load, LambdaChoice.DefaultCandidates, clip);
        console.Out.WriteLine("λ candidates (share of the intensity axis with a shallow p*, and the p* range along it; means over m):");
        foreach (var c in scores)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  λ = {c.Lambda,-9:G4} shallow {c.ShallowFraction:F2}  range {c.SplitRange:F1}"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chosen λ = {chosen.Lambda:G4}"));
        return chosen.Lambda;
    }

    private static void Draw(CliConsole console, SplitRewardAnalysis analysis, PerplexityTable table, string folder)
    {
        string variant = table.Channel.Variant;
        for (int k = 0; k < table.Shapes.Count; k++)
        {
            string suffix = table.Channel.IsErasure ? "" : "-m" + table.Shapes[k].ToString(CultureInfo.InvariantCulture);
            string path = Path.Combine(folder, $"perplexity-vs-split-{variant}{suffix}.png");
            PerplexityBySplitPlot.Save(table, k, path);
            console.Out.WriteLine($"wrote {path}");
        }
        string heatmap = Path.Combine(folder, $"optimal-split-{variant}.png");
        OptimalSplitHeatmap.Save(table, analysis, heatmap);
        console.Out.WriteLine($"wrote {heatmap}");
    }
}
