namespace SplitGym.Llm.Training;

/// <summary>
/// Hyperparameters of <see cref="LanguageModelTrainer"/>. Budgets are deterministic (steps × batch ×
/// context tokens), never wall-clock, so a run is reproducible and resumable.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Tokens per training window (bytes for a byte-level model); each window predicts its next byte at every position.</summary>
    public int ContextLength { get; init; } = 128;

    /// <summary>Windows per optimizer step; tokens per step = BatchSize × ContextLength.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Total optimizer steps of the run (the cosine schedule ends here).</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Learning rate at the end of warmup.</summary>
    public double PeakLearningRate { get; init; } = 3e-3;

    /// <summary>Steps of linear warmup from PeakLearningRate/WarmupSteps to PeakLearningRate.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>Learning rate at the last step as a fraction of the peak (floor of the cosine decay).</summary>
    public double FinalLearningRateFraction { get; init; } = 0.1;

    /// <summary>Decoupled (AdamW) weight decay applied to matrices; norms are never decayed.</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW first-moment decay.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW second-moment decay.</summary>
    public double Beta2 { get; init; } = 0.95;

    /// <summary>Global L2 norm the gradient is clipped to before each update.</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>Seed of the weight initialisation, the data order and the torch generator.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Steps between progress lines.</summary>
    public int LogInterval { get; init; } = 10;

    /// <summary>Steps between validation evaluations (0 = only at the end).</summary>
    public int EvalInterval { get; init; } = 200;

    /// <summary>Batches of the validation split per evaluation (BatchSize windows each, evenly spaced over the split).</summary>
    public int EvalBatches { get; init; } = 8;

    /// <summary>Steps between resumable checkpoints (the final step always writes one).</summary>
    public int CheckpointInterval { get; init; } = 100;

    /// <summary>CPU threads for TorchSharp.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Checks every value; the message names the field, its value and the expected range.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        RequirePositive(nameof(ContextLength), ContextLength);
        RequirePositive(nameof(BatchSize), BatchSize);
        RequirePositive(nameof(Steps), Steps);
        RequirePositive(nameof(WarmupSteps), WarmupSteps);
        RequirePositive(nameof(LogInterval), LogInterval);
        RequirePositive(nameof(EvalBatches), EvalBatches);
        RequirePositive(nameof(CheckpointInterval), CheckpointInterval);
        RequirePositive(nameof(Threads), Threads);
        if (EvalInterval < 0) Fail(nameof(EvalInterval), EvalInterval, "≥ 0");
        if (!(PeakLearningRate > 0 && double.IsFinite(PeakLearningRate))) Fail(nameof(PeakLearningRate), PeakLearningRate, "> 0");
        if (!(FinalLearningRateFraction is >= 0 and <= 1)) Fail(nameof(FinalLearningRateFraction), FinalLearningRateFraction, "in [0, 1]");
        if (!(WeightDecay >= 0 && double.IsFinite(WeightDecay))) Fail(nameof(WeightDecay), WeightDecay, "≥ 0");
        if (!(Beta1 is >= 0 and < 1)) Fail(nameof(Beta1), Beta1, "in [0, 1)");
        if (!(Beta2 is >= 0 and < 1)) Fail(nameof(Beta2), Beta2, "in [0, 1)");
        if (!(GradientClipNorm > 0 && double.IsFinite(GradientClipNorm))) Fail(nameof(GradientClipNorm), GradientClipNorm, "> 0");
    }

    private static void RequirePositive(string name, int value)
    {
        if (value <= 0) Fail(name, value, "a positive integer");
    }

    private static void Fail(string name, object value, string expected) =>
        throw new ArgumentException($"Training option {name} = {value} is invalid; expected {expected}.", name);
}
