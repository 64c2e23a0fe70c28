using System.CommandLine;
using SplitGym.Llm.Corpus;
using SplitGym.Llm.Model;
using SplitGym.Llm.Tokenizers;
using SplitGym.Llm.Training;

namespace SplitGym.Cli.Commands;

/// <summary><c>splitgym model train</c>: trains a byte-level LLaMA on a prepared corpus, resumably.</summary>
public static class TrainCommand
{
    private static readonly Option<string> Corpus = ModelCommands.CorpusOption();
    private static readonly Option<string> Output = new("--out") { Description = "Run folder: checkpoint/ (resumable) and final/ (the trained model).", HelpName = "DIR", Required = true };
    private static readonly Option<int> Layers = OptionFactory.Integer("--layers", 32, "Decoder layers (32 like LLaMA-2-7B).");
    private static readonly Option<int> Hidden = OptionFactory.Integer("--hidden", 128, "Width of the residual stream (d_model).");
    private static readonly Option<int> Heads = OptionFactory.Integer("--heads", 4, "Query heads.");
    private static readonly Option<int> KvHeads = OptionFactory.Integer("--kv-heads", 2, "Key/value heads (fewer than --heads = grouped-query attention).");
    private static readonly Option<int> Intermediate = OptionFactory.Integer("--intermediate", 256, "Inner width of the SwiGLU MLP.");
    private static readonly Option<int> Context = OptionFactory.Integer("--context", 128, "Training window in bytes.");
    private static readonly Option<int> Batch = OptionFactory.Integer("--batch", 16, "Windows per step.");
    private static readonly Option<int> Steps = OptionFactory.Integer("--steps", 1000, "Optimizer steps (the token budget is steps × batch × context).");
    private static readonly Option<double> LearningRate = OptionFactory.Real("--lr", 3e-3, "Peak learning rate.", 1e-9, 10);
    private static readonly Option<int> Warmup = OptionFactory.Integer("--warmup", 100, "Linear warmup steps.");
    private static readonly Option<double> FinalFraction = OptionFactory.Real("--final-lr-fraction", 0.1, "Final learning rate as a fraction of the peak (cosine floor).", 0, 1);
    private static readonly Option<double> WeightDecay = OptionFactory.Real("--weight-decay", 0.1, "AdamW decoupled weight decay on matrices.", 0);
    private static readonly Option<double> Clip = OptionFactory.Real("--clip", 1.0, "Global gradient-norm clip.", 1e-9);
    private static readonly Option<int> Seed = OptionFactory.Integer("--seed", 1, "Seed of initialisation and data order.", 0);
    private static readonly Option<int> LogInterval = OptionFactory.Integer("--log-interval", 10, "Steps between progress lines.");
    private static readonly Option<int> EvalInterval = OptionFactory.Integer("--eval-interval", 200, "Steps between validations (0 = only at the end).", 0);
    private static readonly Option<int> EvalBatches = OptionFactory.Integer("--eval-batches", 8, "Validation batches per evaluation.");
    private static readonly Option<int> CheckpointInterval = OptionFactory.Integer("--checkpoint-interval", 100, "Steps between resumable checkpoints.");
    private static readonly Option<int> Threads = OptionFactory.Integer("--threads", 2, "CPU threads.");
    private static readonly Option<string> Storage = StorageOption.Create("f32");

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("train",
            "Train a byte-level LLaMA (AdamW, warmup + cosine, clipping, seeded). Rerun the same command to resume after an interruption.\n\n" +
            "Examples:\n  splitgym model train --out runs/tiny --steps 2000\n" +
            "  splitgym model train --corpus ~/.cache/splitgym/corpora/brown-1.9.80 --out runs/tiny --hidden 128 --kv-heads 2 --lr 4e-3 --storage bf16")
        {
            Corpus, Output, Layers, Hidden, Heads, KvHeads, Intermediate, Context, Batch, Steps, LearningRate, Warmup, FinalFraction,
            WeightDecay, Clip, Seed, LogInterval, EvalInterval, EvalBatches, CheckpointInterval, Threads, Storage,
        };
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static void Run(ParseResult parse, CliConsole console)
    {
        var corpus = PreparedCorpus.Open(parse.GetRequiredValue(Corpus));
        var config = Config(parse);
        config.Validate();
        var options = Options(parse);
        using (var probe = new LlamaForCausalLM(config))
            console.Out.WriteLine($"model: {config.NumHiddenLayers} layers, d_model {config.HiddenSize}, {probe.parameters().Sum(p => p.numel()):N0} parameters; " +
                $"budget {(long)options.Steps * options.BatchSize * options.ContextLength:N0} tokens");
        var trainer = new LanguageModelTrainer(config, options, corpus.ReadBytes(CorpusSplit.Train), corpus.ReadBytes(CorpusSplit.Validation),
            parse.GetRequiredValue(Output), line => { console.Out.WriteLine(line); console.Out.Flush(); })
        {
            FinalStorageType = StorageOption.Parse(parse.GetRequiredValue(Storage)),
        };
        var report = trainer.Run();
        console.Out.WriteLine($"done: {report.CompletedSteps} steps, {report.TrainingSeconds / 60:F1} training minutes, {report.TokensPerSecond:F0} tok/s this session");
    }

    private static LlamaConfig Config(ParseResult parse) => new()
    {
        NumHiddenLayers = parse.GetValue(Layers),
        HiddenSize = parse.GetValue(Hidden),
        NumAttentionHeads = parse.GetValue(Heads),
        NumKeyValueHeads = parse.GetValue(KvHeads),
        IntermediateSize = parse.GetValue(Intermediate),
        VocabSize = ByteTokenizer.ByteVocabSize,
        MaxPositionEmbeddings = Math.Max(2048, parse.GetValue(Context)),
        TieWordEmbeddings = true,
    };

    private static TrainingOptions Options(ParseResult parse) => new()
    {
        ContextLength = parse.GetValue(Context),
        BatchSize = parse.GetValue(Batch),
        Steps = parse.GetValue(Steps),
        PeakLearningRate = parse.GetValue(LearningRate),
        WarmupSteps = parse.GetValue(Warmup),
        FinalLearningRateFraction = parse.GetValue(FinalFraction),
        WeightDecay = parse.GetValue(WeightDecay),
        GradientClipNorm = parse.GetValue(Clip),
        Seed = parse.GetValue(Seed),
        LogInterval = parse.GetValue(LogInterval),
        EvalInterval = parse.GetValue(EvalInterval),
        EvalBatches = parse.GetValue(EvalBatches),
        CheckpointInterval = parse.GetValue(CheckpointInterval),
        Threads = parse.GetValue(Threads),
    };
}
