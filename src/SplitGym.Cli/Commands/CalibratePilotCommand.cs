using System.CommandLine;
using System.Globalization;
using SplitGym.Llm.Calibration;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym calibrate pilot</c>: one draw per (probe split, candidate σ) over a wide geometric
/// range, printed as a degradation table, and the σ grid it suggests for the sweep (see <see cref="NoisePilot"/>).
/// </summary>
public static class CalibratePilotCommand
{
    private static readonly CalibrateInputs Inputs = new("1, L/2, L-1");
    private static readonly Option<double> Shape = OptionFactory.Real("--shape", 8, "Nakagami m of the probes (large m isolates the noise from the fading).", CalibrationGrid.MinimumNakagamiShape);
    private static readonly Option<double> From = OptionFactory.Real("--from", 1e-3, "Smallest candidate intensity.", 1e-12);
    private static readonly Option<double> Factor = OptionFactory.Real("--factor", 2, "Ratio between successive candidates.", 1.01);
    private static readonly Option<int> Candidates = OptionFactory.Integer("--candidates", 24, "Number of candidate intensities.", minimum: 2);
    private static readonly Option<int> Points = OptionFactory.Integer("--points", 9, "Positive grid points to suggest (0 is added).", minimum: 2);

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("pilot",
            "Probe a wide σ range at a few splits and suggest an --intensities grid spanning negligible (≤ 1 % worse) to severe (≥ 4× clean) degradation.\n\n" +
            "Example:\n  splitgym calibrate pilot --model envs/SplitGym.Envs/Assets/tiny-llama --text ~/.cache/splitgym/corpora/brown-1.9.80/test.txt --max-tokens 4096")
        {
            Shape, From, Factor, Candidates, Points,
        };
        Inputs.AddTo(command);
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static void Run(ParseResult parse, CliConsole console)
    {
        using var opened = Inputs.Open(parse);
        int layers = opened.Identity.NumLayers;
        var splits = Inputs.SplitsOrDefault(parse, () => [1, layers / 2, layers - 1]);
        var candidates = Enumerable.Range(0, parse.GetValue(Candidates)).Select(k => parse.GetValue(From) * Math.Pow(parse.GetValue(Factor), k)).ToList();
        var pilot = NoisePilot.Measure(opened.Evaluator, splits, candidates, parse.GetValue(Shape), parse.GetValue(Inputs.Seed));
        Print(console, pilot);
        console.Out.WriteLine($"suggested --intensities {CalibrateAxes.Format(NoisePilot.ChooseGrid(pilot, parse.GetValue(Points)))}");
    }

    private static void Print(CliConsole console, PilotResult pilot)
    {
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clean PPL {pilot.CleanPerplexity:F4}; PPL / clean at m = {pilot.Shape}:"));
        console.Out.WriteLine("intensity".PadLeft(12) + string.Concat(pilot.Splits.Select(p => $"p={p}".PadLeft(10))));
        for (int i = 0; i < pilot.Intensities.Count; i++)
        {
            var row = Enumerable.Range(0, pilot.Splits.Count).Select(s => pilot.Ratios[s, i].ToString("F3", CultureInfo.InvariantCulture).PadLeft(10));
            console.Out.WriteLine(pilot.Intensities[i].ToString("G4", CultureInfo.InvariantCulture).PadLeft(12) + string.Concat(row));
        }
    }
}
