using System.CommandLine;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Corpus;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;
using SplitGym.Llm.Tokenizers;

namespace SplitGym.Cli.Commands;

/// <summary>
/// The options shared by <c>splitgym calibrate</c> and <c>splitgym calibrate pilot</c> that say which
/// model, text, windows and channel to measure, and how they become a live cell evaluator.
/// </summary>
/// <param name="defaultSplits">What the command measures when --splits is not given (shown in the help).</param>
public sealed class CalibrateInputs(string defaultSplits)
{
    /// <summary>Checkpoint folder.</summary>
    public Option<string> Model { get; } = new("--model") { Description = "Checkpoint folder (config.json + model.safetensors).", HelpName = "DIR", Required = true };

    /// <summary>Evaluation text.</summary>
    public Option<string> Text { get; } = new("--text") { Description = "UTF-8 evaluation text, e.g. the test.txt of a corpus prepared by 'splitgym data'.", HelpName = "PATH", Required = true };

    /// <summary>Name recorded for the text.</summary>
    public Option<string?> TextName { get; } = new("--text-name") { Description = "Name recorded in the table for the text (default: PARENT/FILE, e.g. brown/test).", HelpName = "NAME" };

    /// <summary>Tokens evaluated.</summary>
    public Option<int> MaxTokens { get; } = OptionFactory.Integer("--max-tokens", 16384,
        "Evaluate at most N tokens (cost per draw grows linearly with N): whole windows evenly spread over the text when --stride = --window, else the first N.", minimum: 2);

    /// <summary>Window length.</summary>
    public Option<int> Window { get; } = OptionFactory.Integer("--window", 128, "Perplexity window length in tokens.");

    /// <summary>Window stride.</summary>
    public Option<int> Stride { get; } = OptionFactory.Integer("--stride", 128, "Window stride in tokens (≤ --window); each token is scored once.");

    /// <summary>Windows per forward batch.</summary>
    public Option<int> Batch { get; } = OptionFactory.Integer("--batch", 32, "Windows per forward pass (memory versus speed; results do not depend on it).");

    /// <summary>CPU threads.</summary>
    public Option<int> Threads { get; } = OptionFactory.Integer("--threads", 2, "CPU threads for libtorch.");

    /// <summary>Channel variant.</summary>
    public Option<string> Variant { get; } = new Option<string>("--variant") { Description = "Channel variant.", DefaultValueFactory = _ => ChannelDescription.NakagamiAwgn }
        .AcceptOnlyFromAmong([.. ChannelDescription.Variants]);

    /// <summary>Unit of σ.</summary>
    public Option<string> NoiseScale { get; } = new Option<string>("--noise-scale") { Description = "Unit of σ (nakagami-awgn).", DefaultValueFactory = _ => "absolute" }
        .AcceptOnlyFromAmong([.. ChannelDescription.NoiseScales]);

    /// <summary>Fading granularity.</summary>
    public Option<string> Fading { get; } = new Option<string>("--fading") { Description = "Fading granularity (nakagami-awgn).", DefaultValueFactory = _ => "per-element" }
        .AcceptOnlyFromAmong([.. ChannelDescription.FadingGranularities]);

    /// <summary>Receiver equalisation.</summary>
    public Option<string> Equalisation { get; } = new Option<string>("--equalisation") { Description = "Receiver equalisation (nakagami-awgn).", DefaultValueFactory = _ => "none" }
        .AcceptOnlyFromAmong([.. ChannelDescription.Equalisations]);

    /// <summary>Split points to measure.</summary>
    public Option<string?> Splits { get; } = new("--splits") { Description = $"Split points, e.g. 1..31 or 1,8,16 (default: {defaultSplits}).", HelpName = "LIST" };

    /// <summary>Base seed of the channel draws.</summary>
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Base seed of the channel draws.", DefaultValueFactory = _ => SweepSettings.Default.Seed };

    /// <summary>Adds every option and the cross-option checks to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        Option[] options = [Model, Text, TextName, MaxTokens, Window, Stride, Batch, Threads, Variant, NoiseScale, Fading, Equalisation, Splits, Seed];
        foreach (var option in options)
            command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Stride) > result.GetValue(Window))
                result.AddError($"--stride {result.GetValue(Stride)} is larger than --window {result.GetValue(Window)}; expected stride ≤ window.");
        });
    }

    /// <summary>The --splits values, or <paramref name="fallback"/> when the option is absent.</summary>
    public int[] SplitsOrDefault(ParseResult parse, Func<int[]> fallback) =>
        parse.GetValue(Splits) is { } text ? CalibrateAxes.ParseSplits(text) : fallback();

    /// <summary>The channel description selected by the options.</summary>
    public ChannelDescription Channel(ParseResult parse) =>
        parse.GetRequiredValue(Variant) == ChannelDescription.Erasure
            ? ChannelDescription.DefaultErasure
            : new ChannelDescription(ChannelDescription.NakagamiAwgn, parse.GetRequiredValue(NoiseScale), parse.GetRequiredValue(Fading), parse.GetRequiredValue(Equalisation));

    /// <summary>Loads the model and text and builds the live evaluator plus the identity and settings recorded with its measurements.</summary>
    public OpenedCalibration Open(ParseResult parse)
    {
        TorchSharp.torch.set_num_threads(parse.GetValue(Threads));
        string modelDir = parse.GetRequiredValue(Model), textPath = parse.GetRequiredValue(Text);
        var identity = ModelIdentity.FromCheckpoint(modelDir);
        var tokens = EvaluationSample.Take(new ByteTokenizer().Encode(Utf8TextFile.Read(textPath)), parse.GetValue(MaxTokens), parse.GetValue(Window), parse.GetValue(Stride));
        var windows = new SlidingWindows(tokens.Length, parse.GetValue(Window), parse.GetValue(Stride));
        var channel = Channel(parse);
        var model = Checkpoint.Load(modelDir);
        RequireByteLevel(model.Config, modelDir);
        var evaluator = new SplitModelCellEvaluator(model, tokens, windows, parse.GetValue(Batch), (i, s) => CalibrationChannels.Create(channel, i, s));
        var settings = new EvaluationSettings(parse.GetValue(TextName) ?? DefaultTextName(textPath), FileHash.Sha256([textPath]), windows.Window, windows.Stride, windows.ScoredTokens);
        return new OpenedCalibration(model, evaluator, identity, settings, channel);
    }

    private static void RequireByteLevel(LlamaConfig config, string modelDir)
    {
        if (config.VocabSize != ByteTokenizer.ByteVocabSize)
            throw new InvalidDataException(
                $"Checkpoint '{modelDir}' has vocab_size {config.VocabSize}; calibrate tokenizes with the byte-level tokenizer and needs vocab_size {ByteTokenizer.ByteVocabSize}.");
    }

    private static string DefaultTextName(string path)
    {
        string full = Path.GetFullPath(path);
        return $"{Path.GetFileName(Path.GetDirectoryName(full))}/{Path.GetFileNameWithoutExtension(full)}";
    }
}

/// <summary>A loaded model with its live evaluator and what a table records about them; disposing frees the model.</summary>
/// <param name="Model">The loaded checkpoint.</param>
/// <param name="Evaluator">Live cell evaluator over the evaluation windows.</param>
/// <param name="Identity">Model identity recorded in the table.</param>
/// <param name="Evaluation">Evaluation settings recorded in the table.</param>
/// <param name="Channel">Channel description recorded in the table.</param>
public sealed record OpenedCalibration(
    LlamaForCausalLM Model, SplitModelCellEvaluator Evaluator, ModelIdentity Identity, EvaluationSettings Evaluation, ChannelDescription Channel) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Evaluator.Dispose();
        Model.Dispose();
    }
}
