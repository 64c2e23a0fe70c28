using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SplitGym.Llm.IO;

namespace SplitGym.Agents.Training;

/// <summary>
/// The score of the best model an <see cref="EvalCallback"/> saved, kept in a small JSON file next to the model
/// folder (<c>{model}.eval.json</c>), so that a callback of a resumed run starts from that bar instead of −∞ and
/// does not overwrite the best model with a worse one. The file is written atomically right after the model; a
/// crash between the two leaves the previous record, whose bar is at most the saved model's.
/// </summary>
public static class BestModelRecord
{
    private const string MeanRewardKey = "best_mean_reward";
    private const string StepsKey = "num_timesteps";

    /// <summary>The record file of the best model saved at <paramref name="modelPath"/>.</summary>
    public static string PathFor(string modelPath) => modelPath.TrimEnd('/', '\\') + ".eval.json";

    /// <summary>Records that the model at <paramref name="modelPath"/> scored <paramref name="meanReward"/> (mean evaluation return) after <paramref name="numTimesteps"/> env steps.</summary>
    public static void Write(string modelPath, double meanReward, long numTimesteps)
    {
        var record = new JsonObject { [MeanRewardKey] = meanReward, [StepsKey] = numTimesteps };
        AtomicFile.WriteAllText(PathFor(modelPath), record.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The mean evaluation return recorded for the model at <paramref name="modelPath"/>, or null when there is no record.</summary>
    /// <exception cref="InvalidDataException">The record exists but does not hold a mean return.</exception>
    public static double? Read(string modelPath)
    {
        var file = PathFor(modelPath);
        if (!File.Exists(file)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(file))?[MeanRewardKey]?.GetValue<double>()
                ?? throw new InvalidDataException($"'{file}' has no {MeanRewardKey}.");
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"'{file}' is not a best-model record: {error.Message}", error);
        }
    }
}
