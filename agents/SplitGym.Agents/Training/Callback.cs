namespace SplitGym.Agents.Training;

/// <summary>
/// Hooks into <see cref="IAgent.Learn"/>. <see cref="OnBoundary"/> runs at every resumable boundary:
/// after each rollout and its update for on-policy agents, after each vector step (and any gradient
/// step it triggers) for off-policy agents. Saving there gives checkpoints whose continuation is exact.
/// </summary>
public abstract class Callback
{
    /// <summary>Called once when <c>Learn</c> starts (after a resume too).</summary>
    public virtual void OnTrainingStart(TrainingContext context)
    {
    }

    /// <summary>Called at every resumable boundary; return false to stop training.</summary>
    public virtual bool OnBoundary(TrainingContext context) => true;

    /// <summary>Called once when <c>Learn</c> returns.</summary>
    public virtual void OnTrainingEnd(TrainingContext context)
    {
    }
}
