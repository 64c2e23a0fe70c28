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
    [Params("PPO", "DQN")]
    public string Algorithm { get; set; } = "PPO";

    /// <summary>The env id.</summary>
    [ParamsSource(nameof(EnvIds))]
    public string EnvId { get; set; } = CartPoleEnv.Id;

    /// <summary>The seed.</summary>
    [Params(0, 1, 2)]
    public int Seed { get; set; }

    /// <summary>Case A with K = 1, 2, 3, or only the K listed in the environment variable <c>SPLITGYM_AGENT_K</c> (e.g. "1" or "2,3").</summary>
    public static IEnumerable<string> EnvIds =>
        [.. (Environment.GetEnvironmentVariable("SPLITGYM_AGENT_K") ?? "1,2,3").Split(',').Select(k => SplitInferenceRegistration.CaseId(ChannelCase.All, int.Parse(k, CultureInfo.InvariantCulture)))];

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
