using System.Text.Json;
using System.Text.Json.Serialization;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The outcome of one (agent, seed) run of a comparison, saved as its own JSON file as soon as the run
/// ends, so an interrupted comparison resumes by skipping runs whose file exists.
/// </summary>
/// <param name="Agent">Agent name.</param>
/// <param name="Seed">Seed of training and evaluation.</param>
/// <param name="TrainingSteps">Environment steps used for learning (0 for baselines).</param>
/// <param name="LiveEquivalentEvaluations">Perplexity evaluations of the real split model that training consumed or, on the table backend, would have consumed.</param>
/// <param name="NormalisedScore">(R_agent − R_random) / (R_oracle − R_random) on the evaluation episodes; 1 is perfect.</param>
/// <param name="MeanRegret">Mean per-step regret against the oracle split on the evaluation episodes.</param>
/// <param name="MeanReturn">Mean episode return on the evaluation episodes.</param>
/// <param name="WallSeconds">Wall time of training plus evaluation, seconds.</param>
/// <param name="StepsPerSecond">Training steps per second of wall time (0 for baselines).</param>
/// <param name="RunFolder">Folder of the run's CSV and TensorBoard logs, or null.</param>
public sealed record RunResult(
    string Agent, int Seed, long TrainingSteps, long LiveEquivalentEvaluations, double NormalisedScore,
    double MeanRegret, double MeanReturn, double WallSeconds, double StepsPerSecond, string? RunFolder)
{
    /// <summary>JSON settings shared by results and summaries; NaN is allowed for scores of envs without an oracle.</summary>
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The file a run's result lives in, inside the comparison's <c>runs</c> folder.</summary>
    public static string PathFor(string folder, string agent, int seed) => Path.Combine(folder, "results", $"{agent}__seed{seed}.json");

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
