using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Model;
using SplitGym.Llm.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Training;

/// <summary>
/// Trains a <see cref="LlamaForCausalLM"/> on a byte text: AdamW (no decay on norm gains), linear
/// warmup + cosine decay (<see cref="LearningRateSchedule"/>), global gradient-norm clipping, random
/// contiguous windows (<see cref="WindowSampler"/>), periodic validation, progress lines and atomic
/// resumable checkpoints (<see cref="TrainingCheckpoint"/>).
/// </summary>
/// <remarks>
/// Determinism: the weights come from <see cref="TrainingOptions.Seed"/>, the batches are a pure
/// function of (seed, step), the learning rate a pure function of the step, and the checkpoint holds
/// float32 weights, AdamW moments and step counts and the torch generator state. A run killed at any
/// point and started again with the same arguments continues from the last checkpoint and produces,
/// on the same CPU build and thread count, bit-identical losses to an uninterrupted run.
/// When the run completes, the model is also written to <c>RUN/final/</c> in
/// <see cref="FinalStorageType"/> with a tokenizer description.
/// </remarks>
/// <param name="config">Architecture of the model to train.</param>
/// <param name="options">Hyperparameters and budget.</param>
/// <param name="trainText">Training bytes.</param>
/// <param name="validationText">Validation bytes (periodic validation).</param>
/// <param name="runFolder">Folder of the run: checkpoint and final model.</param>
/// <param name="log">Receives progress and validation lines.</param>
public sealed class LanguageModelTrainer(
    LlamaConfig config, TrainingOptions options, byte[] trainText, byte[] validationText, string runFolder, Action<string> log)
{
    /// <summary>Name of the folder (inside the run folder) the finished model is exported to.</summary>
    public const string FinalFolderName = "final";

    /// <summary>Storage dtype of the exported final model (Float32, Float16 or BFloat16); checkpoints are always Float32.</summary>
    public ScalarType FinalStorageType { get; init; } = ScalarType.Float32;

    /// <summary>
    /// Runs (or resumes) the training until <see cref="TrainingOptions.Steps"/> or until
    /// <paramref name="stop"/> is cancelled; cancellation stops between steps without writing a
    /// checkpoint, exactly like a kill, so work since the last checkpoint is redone on resume.
    /// </summary>
    public TrainingReport Run(CancellationToken stop = default)
    {
        options.Validate();
        config.Validate();
        Directory.CreateDirectory(runFolder);
        torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        using var model = new LlamaForCausalLM(config, options.Seed);
        using var optimizer = CreateOptimizer(model);
        var state = TrainingCheckpoint.TryLoad(runFolder, model, optimizer, Fingerprint()) ?? new TrainerState(0, 0, 0, RngState(), Fingerprint());
        torch.set_rng_state(tensor(Convert.FromBase64String(state.TorchRngState)));
        if (state.Step > 0) log($"resuming from the checkpoint at step {state.Step}/{options.Steps}");
        var report = Loop(model, optimizer, state, stop);
        if (report.CompletedSteps == options.Steps) Export(model);
        return report;
    }

    private TrainingReport Loop(LlamaForCausalLM model, AdamW optimizer, TrainerState state, CancellationToken stop)
    {
        var sampler = new WindowSampler(trainText, options.ContextLength, options.Seed);
        var schedule = LearningRateSchedule.From(options);
        var losses = new List<(int, float)>();
        var validations = new List<(int, LossMeasurement)>();
        var trainingClock = new Stopwatch();
        var step = state.Step;
        for (; step < options.Steps && !stop.IsCancellationRequested; step++)
        {
            trainingClock.Start();
            losses.Add((step, TrainStep(model, optimizer, sampler, schedule.At(step), step)));
            trainingClock.Stop();
            var done = step + 1;
            var progress = new Progress(state, done, trainingClock.Elapsed.TotalSeconds);
            if (done % options.LogInterval == 0 || done == options.Steps) log(ProgressLine(progress, losses[^1].Item2, schedule.At(step)));
            if ((options.EvalInterval > 0 && done % options.EvalInterval == 0) || done == options.Steps) validations.Add((done, Validate(model, done)));
            if (done % options.CheckpointInterval == 0 || done == options.Steps)
                TrainingCheckpoint.Save(runFolder, model, optimizer, new TrainerState(done, TokensAt(done), progress.TotalSeconds, RngState(), state.Fingerprint));
        }
        var sessionTokens = TokensAt(step) - TokensAt(state.Step);
        return new TrainingReport(losses, validations, state.Step, step, state.TrainingSeconds + trainingClock.Elapsed.TotalSeconds,
            sessionTokens / Math.Max(trainingClock.Elapsed.TotalSeconds, 1e-9));
    }

    private float TrainStep(LlamaForCausalLM model, AdamW optimizer, WindowSampler sampler, double learningRate, int step)
    {
        using var scope = NewDisposeScope();
        var (inputs, targets) = sampler.Batch(step, options.BatchSize);
        optimizer.zero_grad();
        var logits = model.forward(inputs);
        var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), targets.reshape(-1));
        loss.backward();
        nn.utils.clip_grad_norm_(model.parameters(), options.GradientClipNorm);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
        optimizer.step();
        return loss.item<float>();
    }

    private SafeAdamW CreateOptimizer(LlamaForCausalLM model)
    {
        var parameters = model.parameters().ToList();
        static bool decays(Parameter p) => p.dim() >= 2;
        return SafeOptimizers.AdamW(
            [
                new AdamW.ParamGroup(parameters.Where(decays), new AdamW.Options { weight_decay = options.WeightDecay }),
                new AdamW.ParamGroup(parameters.Where(p => !decays(p)), new AdamW.Options { weight_decay = 0.0 }),
            ],
            options.PeakLearningRate, options.Beta1, options.Beta2, eps: 1e-8, weightDecay: options.WeightDecay);
    }

    private LossMeasurement Validate(LlamaForCausalLM model, int step)
    {
        var loss = NextByteLoss.EvenlySpaced(model, validationText, options.ContextLength, options.EvalBatches * options.BatchSize, options.BatchSize);
        log(FormattableString.Invariant($"validation at step {step}: loss {loss.MeanNll:F4} nats/byte, perplexity {loss.Perplexity:F3}, {loss.BitsPerToken:F3} bits/byte"));
        return loss;
    }

    private void Export(LlamaForCausalLM model)
    {
        var folder = Path.Combine(runFolder, FinalFolderName);
        Checkpoint.Save(model, folder, FinalStorageType);
        ByteTokenizerDescription.Write(folder);
        log($"final model written to {folder} ({FinalStorageType})");
    }

    private long TokensAt(int step) => (long)step * options.BatchSize * options.ContextLength;

    private string ProgressLine(Progress progress, float loss, double learningRate)
    {
        var sessionTokens = TokensAt(progress.Done) - TokensAt(progress.Start.Step);
        var tokensPerSecond = sessionTokens / Math.Max(progress.SessionSeconds, 1e-9);
        var remaining = TimeSpan.FromSeconds(TokensAt(options.Steps - progress.Done) / Math.Max(tokensPerSecond, 1e-9));
        return string.Create(CultureInfo.InvariantCulture,
            $"step {progress.Done}/{options.Steps}  loss {loss:F4}  lr {learningRate:E2}  {tokensPerSecond:F0} tok/s  elapsed {TimeSpan.FromSeconds(progress.TotalSeconds):hh\\:mm\\:ss}  eta {remaining:hh\\:mm\\:ss}");
    }

    /// <summary>The values that decide the run's numbers; a checkpoint only resumes a run with the same fingerprint.</summary>
    private string Fingerprint()
    {
        var configHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(config.ToJson())))[..16];
        var trainHash = Convert.ToHexString(SHA256.HashData(trainText))[..16];
        return string.Create(CultureInfo.InvariantCulture,
            $"context={options.ContextLength} batch={options.BatchSize} steps={options.Steps} lr={options.PeakLearningRate} warmup={options.WarmupSteps} final={options.FinalLearningRateFraction} wd={options.WeightDecay} betas={options.Beta1},{options.Beta2} clip={options.GradientClipNorm} seed={options.Seed} config={configHash} train={trainHash}");
    }

    private static string RngState()
    {
        using var state = torch.get_rng_state();
        return Convert.ToBase64String(state.data<byte>().ToArray());
    }

    /// <summary>Progress of a session: where it started, steps done, and training seconds of this session.</summary>
    private readonly record struct Progress(TrainerState Start, int Done, double SessionSeconds)
    {
        public double TotalSeconds => Start.TrainingSeconds + SessionSeconds;
    }
}
