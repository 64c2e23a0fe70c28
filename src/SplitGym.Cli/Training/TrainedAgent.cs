using SplitGym.Agents;
using SplitGym.Agents.Training;
using SplitGym.Cli.Comparison;
using SplitGym.Core.Registration;

namespace SplitGym.Cli.Training;

/// <summary>Builds the learner of a <see cref="TrainedRun"/>, fresh or restored from the run folder's checkpoint.</summary>
public static class TrainedAgent
{
    /// <summary>A new learner for <paramref name="run"/>, logging into the run folder <paramref name="folder"/>.</summary>
    public static IAgent Create(TrainedRun run, string folder, Registry registry) =>
        AgentCatalog.CreateLearner(run.Agent, AgentEnvs.Make(run.EnvId, run.NumEnvs, registry),
            new TrainingOptions { Seed = run.Seed, EnvName = run.EnvId, RunsFolder = Path.Combine(folder, TrainedRun.LogsFolder) });

    /// <summary>The checkpoint folder of the run folder <paramref name="folder"/>.</summary>
    public static string CheckpointPath(string folder) => Path.Combine(folder, TrainedRun.CheckpointFolder);

    /// <summary>True when the run folder has a checkpoint (or the backup an interrupted save leaves).</summary>
    public static bool HasCheckpoint(string folder) =>
        Directory.Exists(CheckpointPath(folder)) || Directory.Exists(CheckpointPath(folder) + ".old");

    /// <summary>The learner of the run folder <paramref name="folder"/> with its checkpoint loaded.</summary>
    /// <exception cref="InvalidDataException">The folder has no checkpoint, or it is damaged.</exception>
    public static IAgent Restore(string folder, Registry registry)
    {
        var run = TrainedRun.Load(folder);
        if (!HasCheckpoint(folder)) throw new InvalidDataException($"'{folder}' has no agent checkpoint yet; run 'splitgym train' to create it.");
        var agent = Create(run, folder, registry);
        try
        {
            agent.Load(CheckpointPath(folder));
            return agent;
        }
        catch
        {
            agent.Dispose();
            throw;
        }
    }
}
