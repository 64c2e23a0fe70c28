using SplitGym.Agents;
using SplitGym.Agents.Baselines;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using SplitGym.Core;
using SplitGym.Core.Spaces;
using SplitGym.Core.Vector;
using SplitGym.Envs;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The agents <c>splitgym compare</c> knows by name. Learners get Stable-Baselines3's default
/// hyperparameters; the baselines place every result between "no skill" (random) and "perfect" (oracle).
/// </summary>
public static class AgentCatalog
{
    /// <summary>Names in the order they are reported.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ppo", "dqn", "a2c", "random", "oracle"];

    /// <summary>True for agents that learn (and so consume training steps).</summary>
    public static bool Learns(string name) => name is "ppo" or "dqn" or "a2c";

    /// <summary>Creates a learner on <paramref name="trainingEnvs"/>.</summary>
    public static IAgent CreateLearner(string name, VectorEnv trainingEnvs, TrainingOptions training) => name switch
    {
        "ppo" => new Ppo(trainingEnvs, training: training),
        "dqn" => new Dqn(trainingEnvs, training: training),
        "a2c" => new A2c(trainingEnvs, training: training),
        _ => throw new ArgumentException($"'{name}' is not a learning agent; expected one of ppo, dqn, a2c."),
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
    /// the table backend, would have consumed: one per real env step for model-free learners.
    /// </summary>
    public static long LiveEquivalentEvaluations(IAgent agent) => agent.NumTimesteps;
}
