using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.Training;
using SplitGym.Core;
using SplitGym.Core.Classic;
using SplitGym.Core.Registration;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;

namespace SplitGym.Benchmarks.Agents;

/// <summary>
/// Learning results rather than speed: trains one agent for 200k env steps (8 envs) and evaluates it
/// greedily on 100 episodes of a separate env (seed 1000). For the split-inference ids on the shipped
/// table it reports the normalised score and mean regret; for CartPole the mean return. One line per
/// run is printed and appended to the CSV named by <c>SPLITGYM_AGENT_RESULTS</c> (default <c>agent-learning.csv</c> in the working directory):
/// algorithm, env, seed, steps, training seconds, mean return, normalised score, mean regret, live evaluations.
/// </summary>
[Config(typeof(InProcessOnceConfig))]
public class AgentLearningBenchmarks
{
    private const long Steps = 200_000;
    private const int EvalEpisodes = 100;

    /// <summary>The algorithm.</summary>
    [ParamsSource(nameof(Algorithms))]
    public string Algorithm { get; set; } = "PPO";

    /// <summary>PPO, DQN and A2C, or the comma-separated list in the environment variable <c>SPLITGYM_AGENT_ALGOS</c>.</summary>
    public static IEnumerable<string> Algorithms => Environment.GetEnvironmentVariable("SPLITGYM_AGENT_ALGOS")?.Split(',') ?? ["PPO", "DQN", "A2C"];

    /// <summary>The env id.</summary>
    [ParamsSource(nameof(EnvIds))]
    public string EnvId { get; set; } = CartPoleEnv.Id;

    /// <summary>The seed.</summary>
    [Params(0, 1, 2)]
    public int Seed { get; set; }

    /// <summary>
    /// Case A with K = 1, 2, 3 on the shipped table, or the comma-separated env ids in the environment
    /// variable <c>SPLITGYM_AGENT_ENVS</c> (e.g. <c>SplitInference-A-k1-v0</c> or <c>CartPole-v1</c>).
    /// </summary>
    public static IEnumerable<string> EnvIds =>
        Environment.GetEnvironmentVariable("SPLITGYM_AGENT_ENVS")?.Split(',')
        ?? [.. Enumerable.Range(1, 3).Select(k => SplitInferenceRegistration.CaseId(ChannelCase.All, k))];

    /// <summary>Registers the split-inference ids.</summary>
    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.set_num_threads(1);
        SplitInferenceRegistration.RegisterDefaults();
    }

    /// <summary>Trains and evaluates one agent.</summary>
    [Benchmark]
    public void TrainAndEvaluate()
    {
        var clock = Stopwatch.StartNew();
        using var agent = AgentBenchmarkConfigs.Create(Algorithm, AgentEnvs.Make(EnvId, AgentBenchmarkConfigs.NumEnvs), Seed);
        agent.Learn(Steps);
        double seconds = clock.Elapsed.TotalSeconds;
        using var env = Registry.Default.Make<float[], int>(EnvId);
        var result = Evaluator.Evaluate(agent, env, EvalEpisodes, deterministic: true, seed: 1000);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Algorithm},{EnvId},{Seed},{Steps},{seconds:0.0},{result.MeanReturn:0.####},{result.NormalisedScore:0.####},{result.MeanRegret:0.#####},{result.LiveEvaluations}");
        Console.WriteLine("// RESULT " + line);
        File.AppendAllText(Environment.GetEnvironmentVariable("SPLITGYM_AGENT_RESULTS") ?? "agent-learning.csv", line + Environment.NewLine);
    }
}
