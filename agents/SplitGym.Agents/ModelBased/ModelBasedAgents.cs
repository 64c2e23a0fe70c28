using SplitGym.Agents.Training;
using SplitGym.Core.Vector;
using SplitGym.Envs;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// The model-based agents by name, for comparisons: <c>mbrl</c> (SplitGym's agent, <see cref="MbrlOptions.Default"/>)
/// and <c>surrogate</c> (the paper's procedure, <see cref="MbrlOptions.PaperStyle"/>). Their
/// <see cref="IAgent.NumTimesteps"/> counts real (live or live-equivalent) evaluations, so it compares
/// directly with a model-free agent's env steps on the table backend.
/// </summary>
public static class ModelBasedAgents
{
    /// <summary>The names, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mbrl", "surrogate"];

    /// <summary>Real evaluations the paper-style baseline spends on its single design, unless told otherwise.</summary>
    public const int DefaultPaperEvaluations = 300;

    /// <summary>True for the names this factory builds.</summary>
    public static bool IsModelBased(string name) => Names.Contains(name);

    /// <summary>The options behind <paramref name="name"/>, with the real-evaluation <paramref name="budget"/> when given.</summary>
    public static MbrlOptions OptionsFor(string name, int? budget = null) => name switch
    {
        "mbrl" => budget is int b ? MbrlOptions.Default with { Budget = b } : MbrlOptions.Default,
        "surrogate" => MbrlOptions.PaperStyle(budget ?? DefaultPaperEvaluations),
        _ => throw new ArgumentException($"'{name}' is not a model-based agent; expected one of {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>The agent <paramref name="name"/> on the real env <paramref name="real"/> (not owned).</summary>
    public static MbrlAgent Create(string name, SplitInferenceEnv real, TrainingOptions training, int? budget = null) =>
        new(real, OptionsFor(name, budget), training);

    /// <summary>
    /// The agent <paramref name="name"/> on the first sub-env of <paramref name="trainingEnvs"/> (a split-inference
    /// env, e.g. from <see cref="AgentEnvs.Make"/>), which it owns and disposes, as the model-free learners own theirs.
    /// </summary>
    public static MbrlAgent Create(string name, VectorEnv trainingEnvs, TrainingOptions training, int? budget = null)
    {
        ArgumentNullException.ThrowIfNull(trainingEnvs);
        var real = trainingEnvs.Envs[0].Unwrapped as SplitInferenceEnv
            ?? throw new ArgumentException($"A model-based agent needs a split-inference env, got {trainingEnvs.Envs[0].Unwrapped.GetType().Name}.", nameof(trainingEnvs));
        return new MbrlAgent(real, OptionsFor(name, budget), training, trainingEnvs);
    }
}
