using SplitGym.Agents;
using SplitGym.Agents.Baselines;
using SplitGym.Agents.ModelBased;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using SplitGym.Core;
using SplitGym.Core.Spaces;
using SplitGym.Core.Vector;
using SplitGym.Envs;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The agents <c>splitgym compare</c> knows by name. Model-free learners get Stable-Baselines3's default
/// hyperparameters; the model-based agents (<c>mbrl</c>, and <c>surrogate</c>, the paper's procedure)
/// spend a small budget of real evaluations and train their policy on a learned reward model; the
/// baselines place every result between "no skill" (random) and "perfect" (oracle).
/// </summary>
public static class AgentCatalog
{
    /// <summary>Names in the order they are reported.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ppo", "dqn", "a2c", .. ModelBasedAgents.Names, "random", "oracle"];

    /// <summary>True for agents that learn (and so consume training steps or real evaluations).</summary>
    public static bool Learns(string name) => IsModelFree(name) || ModelBasedAgents.IsModelBased(name);

    /// <summary>True for learners that learn from the env's rewards directly (every training step is one real evaluation; their logs are learning curves over env steps).</summary>
    public static bool IsModelFree(string name) => name is "ppo" or "dqn" or "a2c";

    /// <summary>
    /// What <see cref="IAgent.NumTimesteps"/> of learner <paramref name="name"/> reaches when asked for
    /// <paramref name="steps"/>: the steps themselves for model-free learners, the real-evaluation budget
    /// (at most <paramref name="steps"/>) for model-based ones.
    /// </summary>
    public static long TrainingTarget(string name, long steps) =>
        ModelBasedAgents.IsModelBased(name) ? Math.Min(steps, ModelBasedAgents.OptionsFor(name).Budget) : steps;

    /// <summary>Creates a learner on <paramref name="trainingEnvs"/>.</summary>
    public static IAgent CreateLearner(string name, VectorEnv trainingEnvs, TrainingOptions training) => name switch
    {
        "ppo" => new Ppo(trainingEnvs, training: training),
        "dqn" => new Dqn(trainingEnvs, training: training),
        "a2c" => new A2c(trainingEnvs, training: training),
        _ when ModelBasedAgents.IsModelBased(name) => ModelBasedAgents.Create(name, trainingEnvs, training),
        _ => throw new ArgumentException($"'{name}' is not a learning agent; expected one of {string.Join(", ", Names.Where(Learns))}."),
    };

    /// <summary>Creates a baseline that plays on <paramref name="evaluationEnv"/> (the oracle needs a split-inference env).</summary>
    public static IAgent CreateBaseline(string name, Env<float[], int> evaluationEnv, int seed) => name switch
    {
        "random" => new RandomAgent(((Discrete)evaluationEnv.ActionSpace).N, seed),
        "oracle" => evaluationEnv.Unwrapped is SplitInferenceEnv split
            ? new OracleAgent(split)
            : throw new ArgumentException($"The oracle agent needs a split-inference env, but {evaluationEnv.Unwrapped} has no oracle."),
        _ => throw new ArgumentException($"'{name}' is not a baseline; expected random or oracle."),
    };

    /// <summary>Checks one agent name (case-insensitive), failing with the unknown name and the known ones.</summary>
    public static string ParseName(string name)
    {
        var lower = name.ToLowerInvariant();
        return Names.Contains(lower) ? lower : throw new ArgumentException($"Unknown agent '{name}'; expected one of {string.Join(", ", Names)}.");
    }

    /// <summary>
    /// Perplexity evaluations of the real split model that <paramref name="agent"/>'s training consumed or, on
    /// the table backend, would have consumed: one per real env step for model-free learners, the
    /// evaluation ledger's count for model-based ones (both are their <see cref="IAgent.NumTimesteps"/>).
    /// </summary>
    public static long LiveEquivalentEvaluations(IAgent agent) => agent.NumTimesteps;
}
