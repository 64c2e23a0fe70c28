using SplitGym.Agents.Training;

namespace SplitGym.Cli.Training;

/// <summary>Saves the agent to one checkpoint folder every <see cref="PeriodicCallback.Every"/> env steps, replacing the previous one (the agent's save is atomic).</summary>
/// <param name="every">Period in env steps.</param>
/// <param name="path">The checkpoint folder.</param>
public sealed class RollingCheckpoint(long every, string path) : PeriodicCallback(every)
{
    /// <inheritdoc />
    protected override bool OnPeriod(TrainingContext context)
    {
        context.Agent.Save(path);
        return true;
    }
}
