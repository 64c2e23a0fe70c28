using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Corpus;
using SplitGym.Llm.IO;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;
using SplitGym.Llm.Tokenizers;
using SplitGym.Llm.Training;
using Spectre.Console;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym model eval</c>: clean per-byte perplexity of a checkpoint on a corpus split, next to a
/// unigram byte model fitted on the train split of the same corpus.
/// </summary>
public static class EvalCommand
{
    private static readonly Option<string> Model = new("--model") { Description = "Checkpoint folder (config.json + model.safetensors).", HelpName = "DIR", Required = true };
    private static readonly Option<string> Corpus = ModelCommands.CorpusOption();
    private static readonly Option<string> Split = new Option<string>("--split") { Description = "Which split to evaluate.", DefaultValueFactory = _ => "test" }
        .AcceptOnlyFromAmong("train", "validation", "test");
    private static readonly Option<int> Window = OptionFactory.Integer("--window", 128, "Sliding window length in bytes.");
    private static readonly Option<int> Stride = OptionFactory.Integer("--stride", 64, "Window stride in bytes (≤ --window); each byte is scored once.");
    private static readonly Option<int> Batch = OptionFactory.Integer("--batch", 16, "Windows per forward pass.");
    private static readonly Option<int> Threads = OptionFactory.Integer("--threads", 2, "CPU threads.");
    private static readonly Option<string> Device = ModelCommands.DeviceOption();
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the metrics to this JSON file.", HelpName = "FILE" };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("eval",
            "Per-byte perplexity and bits per byte of a checkpoint on a corpus split, with a unigram byte model for comparison.\n\n" +
            "Examples:\n  splitgym model eval --model runs/tiny/final\n  splitgym model eval --model envs/SplitGym.Envs/Assets/tiny-llama --split validation --json metrics.json")
        {
            Model, Corpus, Split, Window, Stride, Batch, Threads, Device, Json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(Stride) is { } stride && result.GetResult(Window) is { } window
                && OptionFactory.TryParsedValue(stride, out int strideValue) && OptionFactory.TryParsedValue(window, out int windowValue)
                && strideValue > windowValue)
                result.AddError($"--stride {strideValue} is larger than --window {windowValue}; expected stride ≤ window.");
        });
        command.Validators.Add(result =>
        {
            if (result.GetResult(Device) is null) return;
            try { ComputeDevice.Parse(result.GetValue(Device)!); }
            catch (ArgumentException problem) { result.AddError($"--device: {problem.Message}"); }
        });
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static void Run(ParseResult parse, CliConsole console)
    {
        var corpus = PreparedCorpus.Open(parse.GetRequiredValue(Corpus));
        var split = Enum.Parse<CorpusSplit>(parse.GetRequiredValue(Split), ignoreCase: true);
        var text = corpus.ReadBytes(split);
        TorchSharp.torch.set_num_threads(parse.GetValue(Threads));
        using var model = Checkpoint.Load(parse.GetRequiredValue(Model), device: ComputeDevice.Parse(parse.GetRequiredValue(Device)));
        if (model.Config.VocabSize != ByteTokenizer.ByteVocabSize)
            throw new InvalidDataException($"model eval measures per-byte perplexity of byte-level models (vocab_size {ByteTokenizer.ByteVocabSize}); '{parse.GetRequiredValue(Model)}' has vocab_size {model.Config.VocabSize}.");
        var ids = new ByteTokenizer().Encode(System.Text.Encoding.UTF8.GetString(text));
        using var evaluator = new PerplexityEvaluator(model, ids, parse.GetValue(Window), parse.GetValue(Stride), parse.GetValue(Batch));
        var measured = new LossMeasurement(Math.Log(evaluator.Clean()) * evaluator.TokenCount, evaluator.TokenCount);
        var unigram = new UnigramByteModel(corpus.ReadBytes(CorpusSplit.Train)).Measure(text);
        Print(console, split, measured, unigram);
        if (parse.GetValue(Json) is { } path) WriteJson(path, parse, split, measured, unigram);
    }

    private static void Print(CliConsole console, CorpusSplit split, LossMeasurement model, LossMeasurement unigram)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var table = new Table().AddColumns($"{split} split ({model.Tokens:N0} bytes)", "per-byte perplexity", "bits per byte");
        table.AddRow("model", Format(model.Perplexity), Format(model.BitsPerToken));
        table.AddRow("unigram byte model", Format(unigram.Perplexity), Format(unigram.BitsPerToken));
        ansi.Write(table);
    }

    private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static void WriteJson(string path, ParseResult parse, CorpusSplit split, LossMeasurement model, LossMeasurement unigram)
    {
        var metrics = new
        {
            model = parse.GetRequiredValue(Model),
            corpus = parse.GetRequiredValue(Corpus),
            split = split.ToString().ToLowerInvariant(),
            window = parse.GetValue(Window),
            stride = parse.GetValue(Stride),
            scored_bytes = model.Tokens,
            perplexity = model.Perplexity,
            bits_per_byte = model.BitsPerToken,
            unigram_perplexity = unigram.Perplexity,
            unigram_bits_per_byte = unigram.BitsPerToken,
        };
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(metrics, new JsonSerializerOptions { WriteIndented = true }));
    }
}
