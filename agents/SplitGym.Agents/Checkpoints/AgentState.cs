using System.Text.Json.Nodes;
using SplitGym.Agents.Training;

namespace SplitGym.Agents.Checkpoints;

/// <summary>The non-tensor training state of an agent at a resumable boundary.</summary>
/// <param name="NumTimesteps">Env steps consumed.</param>
/// <param name="TotalTimesteps">Target of the <c>Learn</c> call that was running (schedules depend on it).</param>
/// <param name="Rng">State of the training generator (actions, shuffles, exploration) as 4 words.</param>
/// <param name="PredictRng">State of the generator of stochastic <c>Predict</c> calls as 4 words.</param>
/// <param name="Env">The training env's replay log.</param>
/// <param name="Algorithm">Algorithm-specific counters (iterations, updates, …).</param>
/// <param name="PendingLogs">Metrics recorded but not yet dumped.</param>
public sealed record AgentState(long NumTimesteps, long TotalTimesteps, ulong[] Rng, ulong[] PredictRng, TrainingEnvState Env, JsonObject Algorithm, Dictionary<string, double> PendingLogs);
