namespace SplitGym.Llm.Training;

/// <summary>What a training session did.</summary>
/// <param name="StepLosses">Training loss (mean nats per byte of the batch) of every step run in this session, by step index.</param>
/// <param name="Validations">Validation measurements by the step after which they were taken.</param>
/// <param name="ResumedFromStep">The step this session started at (0 for a fresh run).</param>
/// <param name="CompletedSteps">Steps completed when the session ended (equals the options' Steps when the run finished).</param>
/// <param name="TrainingSeconds">Wall time spent training over all sessions of the run (seconds).</param>
/// <param name="TokensPerSecond">Training throughput of this session (tokens per second, evaluation excluded).</param>
public sealed record TrainingReport(
    IReadOnlyList<(int Step, float Loss)> StepLosses,
    IReadOnlyList<(int Step, LossMeasurement Loss)> Validations,
    int ResumedFromStep,
    int CompletedSteps,
    double TrainingSeconds,
    double TokensPerSecond);
