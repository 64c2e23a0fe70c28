using System.CommandLine;
using SplitGym.Llm.Corpus;
using SplitGym.Llm.Model;

namespace SplitGym.Cli.Commands;

/// <summary><c>splitgym model …</c>: train and evaluate byte-level LLaMA models.</summary>
public static class ModelCommands
{
    /// <summary>Builds the <c>model</c> command group.</summary>
    public static Command Create(CliConsole console) =>
        new("model", "Train and evaluate byte-level LLaMA models.")
        {
            TrainCommand.Create(console),
            EvalCommand.Create(console),
            ExportCommand.Create(console),
        };

    /// <summary>The <c>--corpus</c> option: a prepared corpus folder, by default the Brown corpus in the default cache.</summary>
    public static Option<string> CorpusOption() => new("--corpus")
    {
        Description = "Prepared corpus folder (from `splitgym data fetch brown` or `data prepare`).",
        HelpName = "DIR",
        DefaultValueFactory = _ => CorpusPreparation.PreparedFolder(CorpusPreparation.DefaultCacheRoot(), "brown-1.9.80"),
    };

    /// <summary>The <c>--device</c> option of commands that run a checkpoint: <c>auto</c> picks CUDA when libtorch sees a GPU.</summary>
    public static Option<string> DeviceOption() => new("--device")
    {
        Description = $"Device to run the model on: {ComputeDevice.AcceptedNames} (auto = CUDA when available, else CPU).",
        HelpName = "DEVICE",
        DefaultValueFactory = _ => "auto",
    };
}
