using System.Globalization;
using System.Text.Json;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// What a comparison runs: the list of runs and the budget every run gets. Saved as
/// <c>comparison.json</c> in the output folder (with the shard that folder computes), so that a
/// rerun into the same folder, and <c>compare merge</c> over shard folders, can refuse results that
/// were produced under a different configuration.
/// </summary>
/// <param name="Runs">Every run, in report order.</param>
/// <param name="TrainingSteps">Environment steps per learner run.</param>
/// <param name="EvaluationEpisodes">Evaluation episodes per run (greedy actions).</param>
/// <param name="NumEnvs">Sub-envs each learner trains on.</param>
public sealed record ComparisonPlan(IReadOnlyList<RunKey> Runs, long TrainingSteps, int EvaluationEpisodes, int NumEnvs)
{
    /// <summary>The file the plan lives in, inside the comparison folder.</summary>
    public const string FileName = "comparison.json";

    /// <summary>The runs shard <paramref name="shard"/> computes: those whose <see cref="RunKey.StableHash"/> it owns, in plan order.</summary>
    public IReadOnlyList<RunKey> Owned(ShardSpec shard) => [.. Runs.Where(run => shard.Owns(run.StableHash))];

    /// <summary>One line saying what is compared, for summaries.</summary>
    public string Title
    {
        get
        {
            var agents = Runs.Select(r => r.Agent).Distinct();
            var envs = Runs.Select(r => r.EnvId).Distinct().ToList();
            var seeds = Runs.Select(r => r.Seed).Distinct().Order();
            return string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(", ", agents)} on {envs.Count} env{(envs.Count == 1 ? "" : "s")} × seeds {string.Join(",", seeds)}: {Runs.Count} runs, {TrainingSteps:N0} training steps per learner, {EvaluationEpisodes} evaluation episodes");
        }
    }

    /// <summary>Null when <paramref name="other"/> has the same runs and budget, else a phrase naming the first difference.</summary>
    public string? DifferenceFrom(ComparisonPlan other)
    {
        if (TrainingSteps != other.TrainingSteps) return $"--steps {other.TrainingSteps} versus {TrainingSteps}";
        if (EvaluationEpisodes != other.EvaluationEpisodes) return $"--eval-episodes {other.EvaluationEpisodes} versus {EvaluationEpisodes}";
        if (NumEnvs != other.NumEnvs) return $"--envs {other.NumEnvs} versus {NumEnvs}";
        var missing = Runs.Except(other.Runs).FirstOrDefault();
        if (missing is not null) return $"run {missing.Name} is in one and not the other";
        var extra = other.Runs.Except(Runs).FirstOrDefault();
        return extra is null ? null : $"run {extra.Name} is in one and not the other";
    }

    /// <summary>Writes the plan and the shard of <paramref name="folder"/> atomically.</summary>
    public void Save(string folder, ShardSpec shard) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(new StoredPlan(this, shard.Index, shard.Count), RunResult.Json));

    /// <summary>Reads the plan and shard of a comparison folder.</summary>
    /// <exception cref="InvalidDataException">The folder holds no comparison, or its file is damaged.</exception>
    public static (ComparisonPlan Plan, ShardSpec Shard) Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new InvalidDataException($"'{folder}' is not a comparison folder: it has no {FileName}.");
        try
        {
            var stored = JsonSerializer.Deserialize<StoredPlan>(File.ReadAllText(path), RunResult.Json)
                ?? throw new InvalidDataException($"'{path}' is empty.");
            return (stored.Plan, new ShardSpec(stored.ShardIndex, stored.ShardCount));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a comparison plan ({e.Message}).", e);
        }
    }

    /// <summary>
    /// Saves the plan into a fresh folder, or checks that an existing folder was made by the same plan
    /// and shard (so a rerun resumes it) and fails naming the difference otherwise.
    /// </summary>
    public void AdoptFolder(string folder, ShardSpec shard)
    {
        if (!File.Exists(Path.Combine(folder, FileName)))
        {
            Directory.CreateDirectory(folder);
            Save(folder, shard);
            return;
        }
        var (stored, storedShard) = Load(folder);
        var difference = stored.DifferenceFrom(this) ?? (storedShard == shard ? null : $"--shard {shard} versus {storedShard}");
        if (difference is not null)
            throw new InvalidOperationException($"'{folder}' holds a comparison with a different configuration ({difference}); use another --out or delete the folder.");
    }

    private sealed record StoredPlan(ComparisonPlan Plan, int ShardIndex, int ShardCount);
}
