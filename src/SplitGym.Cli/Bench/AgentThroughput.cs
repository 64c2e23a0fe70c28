using System.Diagnostics;
using SplitGym.Agents.Training;
using SplitGym.Cli.Comparison;
using SplitGym.Core.Registration;

namespace SplitGym.Cli.Bench;

/// <summary>
/// Learning throughput of an agent: env steps per second of <c>Learn</c> (collection and updates together)
/// with the compare defaults (SB3 hyperparameters, <paramref name="NumEnvs"/> sub-envs, seed 0, no log files).
/// </summary>
/// <param name="Registry">Where the id is registered.</param>
/// <param name="EnvId">The env to learn on.</param>
/// <param name="NumEnvs">Sub-envs.</param>
public sealed record AgentThroughput(Registry Registry, string EnvId, int NumEnvs)
{
    /// <summary>Learns <paramref name="steps"/> env steps with <paramref name="agent"/> and times it.</summary>
    public Throughput Measure(string agent, long steps)
    {
        using var learner = AgentCatalog.CreateLearner(agent, AgentEnvs.Make(EnvId, NumEnvs, Registry), new TrainingOptions { Seed = 0, EnvName = EnvId });
        var clock = Stopwatch.StartNew();
        learner.Learn(steps);
        return new Throughput($"{agent} learning ({NumEnvs} envs, updates included)", learner.NumTimesteps, clock.Elapsed.TotalSeconds);
    }
}
