using System.Text.Json;
using SplitGym.Cli.Comparison;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Training;

/// <summary>
/// What <c>splitgym train</c> trained, saved as <c>run.json</c> next to the agent checkpoint so that a
/// rerun resumes the same run and <c>splitgym eval</c> can rebuild the agent before loading its weights.
/// </summary>
/// <param name="Agent">Learner name from <see cref="AgentCatalog"/>.</param>
/// <param name="EnvId">The registered env it trains on.</param>
/// <param name="Seed">Training seed.</param>
/// <param name="NumEnvs">Sub-envs it trains on.</param>
public sealed record TrainedRun(string Agent, string EnvId, int Seed, int NumEnvs)
{
    /// <summary>The manifest file in the run folder.</summary>
    public const string FileName = "run.json";

    /// <summary>The agent checkpoint folder in the run folder (rolling during training, final at the end).</summary>
    public const string CheckpointFolder = "checkpoint";

    /// <summary>The log folder (CSV, TensorBoard) in the run folder.</summary>
    public const string LogsFolder = "logs";

    /// <summary>Reads the manifest of the run folder <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The folder holds no trained run, or its manifest is damaged.</exception>
    public static TrainedRun Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new InvalidDataException($"'{folder}' is not a training run folder: it has no {FileName} (train one with 'splitgym train').");
        try
        {
            return JsonSerializer.Deserialize<TrainedRun>(File.ReadAllText(path), RunResult.Json) ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a training run manifest ({e.Message}).", e);
        }
    }

    /// <summary>Writes the manifest into a fresh folder, or checks that the folder's run is this one (so a rerun resumes it).</summary>
    /// <exception cref="InvalidOperationException">The folder holds a different run.</exception>
    public void AdoptFolder(string folder)
    {
        if (File.Exists(Path.Combine(folder, FileName)))
        {
            var stored = Load(folder);
            if (stored != this)
                throw new InvalidOperationException($"'{folder}' holds a different training run ({stored.Agent} on {stored.EnvId}, seed {stored.Seed}, {stored.NumEnvs} envs); use another --out.");
            return;
        }
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, RunResult.Json));
    }
}
