using SplitGym.Agents.Training;
using SplitGym.Cli.Progress;

namespace SplitGym.Cli.Comparison;

/// <summary>Forwards a learner's env-step count to the progress display at every training boundary.</summary>
/// <param name="run">The run being trained.</param>
/// <param name="progress">The display.</param>
public sealed class StepReporter(RunKey run, IRunProgress progress) : Callback
{
    /// <inheritdoc />
    public override bool OnBoundary(TrainingContext context)
    {
        progress.Advanced(run, context.NumTimesteps);
        return true;
    }
}
