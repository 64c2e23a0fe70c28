using System.CommandLine;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Training;
using static TorchSharp.torch;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym model export</c>: rewrites a byte-level checkpoint in another storage dtype (e.g. the
/// float32 result of a training run as float16 to halve the shipped file), with its tokenizer description.
/// </summary>
public static class ExportCommand
{
    private static readonly Option<string> Model = new("--model") { Description = "Source checkpoint folder (config.json + model.safetensors).", HelpName = "DIR", Required = true };
    private static readonly Option<string> Output = new("--out") { Description = "Destination folder (created if needed).", HelpName = "DIR", Required = true };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var storage = StorageOption.Create("f16");
        var command = new Command("export",
            "Write a byte-level checkpoint in another storage dtype (f32, f16, bf16) with its tokenizer description.\n\n" +
            "Examples:\n  splitgym model export --model runs/tiny/final --out envs/SplitGym.Envs/Assets/tiny-llama --storage f16")
        {
            Model, Output, storage,
        };
        command.SetAction(parse =>
        {
            using var model = Checkpoint.Load(parse.GetRequiredValue(Model));
            var type = StorageOption.Parse(parse.GetRequiredValue(storage));
            Checkpoint.Save(model, parse.GetRequiredValue(Output), type);
            ByteTokenizerDescription.Write(parse.GetRequiredValue(Output));
            console.Out.WriteLine($"exported {parse.GetRequiredValue(Model)} to {parse.GetRequiredValue(Output)} as {type}");
        });
        return command;
    }
}
