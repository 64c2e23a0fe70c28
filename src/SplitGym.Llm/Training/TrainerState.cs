namespace SplitGym.Llm.Training;

/// <summary>
/// Everything besides weights and optimizer moments that a resumed run needs to continue exactly
/// where the checkpoint was taken.
/// </summary>
/// <param name="Step">Number of completed optimizer steps; the next step to run.</param>
/// <param name="TokensSeen">Training tokens consumed so far (Step × BatchSize × ContextLength).</param>
/// <param name="TrainingSeconds">Wall time spent in training so far, summed over sessions (seconds).</param>
/// <param name="TorchRngState">The default torch generator's state, base64.</param>
/// <param name="Fingerprint">The options and config that determine the run's numbers; a resume must match it.</param>
public sealed record TrainerState(int Step, long TokensSeen, double TrainingSeconds, string TorchRngState, string Fingerprint);
