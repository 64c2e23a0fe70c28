using System.Text.Json;
using System.Text.Json.Serialization;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The outcome of one run of a comparison, saved as its own JSON file as soon as the run ends, so an
/// interrupted comparison resumes by skipping runs whose file exists. Paths are relative to the
/// comparison folder, so a folder (or a shard folder merged into another) can be moved.
/// </summary>
/// <param name="Key">Which run this is.</param>
/// <param name="TrainingSteps">Environment steps used for learning (0 for baselines).</param>
/// <param name="LiveEquivalentEvaluations">Perplexity evaluations of the real split model that training consumed or, on the table backend, would have consumed.</param>
/// <param name="NormalisedScore">(R_agent − R_random) / (R_oracle − R_random) on the evaluation episodes; 1 is perfect (NaN on envs without an oracle).</param>
/// <param name="FinalRegret">Mean per-step regret of the trained (final) policy against the oracle split on the evaluation episodes (NaN without an oracle).</param>
/// <param name="MeanReturn">Mean episode return on the evaluation episodes.</param>
/// <param name="WallSeconds">Wall time of training plus evaluation, seconds.</param>
/// <param name="StepsPerSecond">Training env steps per second of training wall time (0 for baselines).</param>
/// <param name="RunFolder">Folder of the run's CSV and TensorBoard logs relative to the comparison folder, or null (baselines).</param>
/// <param name="PolicyFile">The learner's policy map (<see cref="PolicyMapFile"/>) relative to the comparison folder, or null (baselines, envs without a split).</param>
/// <param name="Trace">The normalised score part-way through training, ending with the final evaluation (empty for baselines).</param>
public sealed record RunResult(
    RunKey Key, long TrainingSteps, long LiveEquivalentEvaluations, double NormalisedScore,
    double FinalRegret, double MeanReturn, double WallSeconds, double StepsPerSecond, string? RunFolder, string? PolicyFile,
    IReadOnlyList<TracePoint> Trace)
{
    /// <summary>JSON settings shared by results and summaries; NaN is allowed for scores of envs without an oracle.</summary>
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The agent's name (shorthand for <c>Key.Agent</c>).</summary>
    [JsonIgnore]
    public string Agent => Key.Agent;

    /// <summary>The run's seed (shorthand for <c>Key.Seed</c>).</summary>
    [JsonIgnore]
    public int Seed => Key.Seed;

    /// <summary>The folder, relative to the comparison folder, that holds every result file.</summary>
    public const string ResultsFolder = "results";

    /// <summary>The file a run's result lives in.</summary>
    public static string PathFor(string folder, RunKey key) => Path.Combine(folder, ResultsFolder, key.Name + ".json");

    /// <summary>Writes the result atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads a result written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a run result.</exception>
    public static RunResult Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"Run result '{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Run result '{path}' is not valid JSON ({e.Message}); delete it to rerun that run.", e);
        }
    }
}
