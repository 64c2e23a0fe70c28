using SplitGym.Agents.Logging;

namespace SplitGym.Agents.Training;

/// <summary>What callbacks see of a running <see cref="IAgent.Learn"/>.</summary>
/// <param name="Agent">The learning agent.</param>
/// <param name="TotalTimesteps">The target of the current <c>Learn</c> call.</param>
/// <param name="Logger">The agent's logger (callbacks may record metrics into it).</param>
/// <param name="Episodes">The recent training episodes.</param>
public sealed record TrainingContext(IAgent Agent, long TotalTimesteps, Logger Logger, EpisodeWindow Episodes)
{
    /// <summary>Env steps consumed so far.</summary>
    public long NumTimesteps => Agent.NumTimesteps;
}
