using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using SplitGym.Agents;
using SplitGym.Agents.ModelBased;
using SplitGym.Agents.Training;
using SplitGym.Core.Registration;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;

namespace SplitGym.Benchmarks.Agents;

/// <summary>
/// Live-equivalent evaluations each agent needs to reach a normalised score of 0.95 on the shipped
/// calibrated table (cases L, H, A with K = 1; 5 seeds): PPO and DQN (one table lookup per training
/// step, scored every 8,192 steps, up to 400k), the paper-style surrogate (one batch of i.i.d. random
/// evaluations, one raw-input MLP fitted once; the smallest batch of 24, 48, 96, 192, 384 that reaches 0.95)
/// and SplitGym's MBRL (scored after every round, budget 300). Each score is the greedy policy on the
/// same 100 episodes of a separate env (first reset seed 1000). One CSV line per run is printed and
/// appended to <c>SPLITGYM_MBRL_RESULTS</c> (default <c>mbrl-comparison.csv</c>): agent, env, seed,
/// evaluations to 0.95 (empty: not reached), last score, evaluations spent, wall seconds.
/// </summary>
[Config(typeof(InProcessLongRunConfig))]
public class ModelBasedComparisonBenchmarks
{
    /// <summary>The score to reach.</summary>
    public const double Threshold = 0.95;

    private const int EvalEpisodes = 100;
    private const int EvalSeed = 1000;
    private const long ModelFreeMaxSteps = 400_000;
    private const long ModelFreeEvalEvery = 8_192;
    private static readonly int[] PaperBudgets = [24, 48, 96, 192, 384];

    /// <summary>The agent: PPO, DQN, Surrogate (paper-style) or MBRL.</summary>
    [ParamsSource(nameof(Agents))]
    public string Agent { get; set; } = "MBRL";

    /// <summary>All four, or the comma-separated list in <c>SPLITGYM_MBRL_AGENTS</c>.</summary>
    public static IEnumerable<string> Agents => Environment.GetEnvironmentVariable("SPLITGYM_MBRL_AGENTS")?.Split(',') ?? ["PPO", "DQN", "Surrogate", "MBRL"];

    /// <summary>The case letter.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "A";

    /// <summary>L, H and A, or the comma-separated letters in <c>SPLITGYM_MBRL_CASES</c>.</summary>
    public static IEnumerable<string> Cases => Environment.GetEnvironmentVariable("SPLITGYM_MBRL_CASES")?.Split(',') ?? ["L", "H", "A"];

    /// <summary>The seed.</summary>
    [ParamsSource(nameof(Seeds))]
    public int Seed { get; set; }

    /// <summary>0..4, or the comma-separated seeds in <c>SPLITGYM_MBRL_SEEDS</c>.</summary>
    public static IEnumerable<int> Seeds => Environment.GetEnvironmentVariable("SPLITGYM_MBRL_SEEDS")?.Split(',').Select(int.Parse) ?? [0, 1, 2, 3, 4];

    private string EnvId => SplitInferenceRegistration.CaseId(ChannelCases.Parse(Case), 1);

    /// <summary>Registers the split-inference ids; one torch thread (small networks).</summary>
    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.set_num_threads(1);
        SplitInferenceRegistration.RegisterDefaults();
    }

    /// <summary>Trains until the score reaches 0.95 (or the agent's limit) and records the evaluations spent.</summary>
    [Benchmark]
    public void EvaluationsToThreshold()
    {
        var clock = Stopwatch.StartNew();
        var (reached, score, spent) = Agent switch
        {
            "PPO" or "DQN" => ModelFree(),
            "MBRL" => ModelBased("mbrl", null),
            "Surrogate" => PaperLadder(),
            _ => throw new ArgumentException($"Unknown agent '{Agent}'; expected PPO, DQN, Surrogate or MBRL."),
        };
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Agent},{EnvId},{Seed},{reached},{score:0.####},{spent},{clock.Elapsed.TotalSeconds:0.0}");
        Console.WriteLine("// RESULT " + line);
        File.AppendAllText(Environment.GetEnvironmentVariable("SPLITGYM_MBRL_RESULTS") ?? "mbrl-comparison.csv", line + Environment.NewLine);
    }

    private ScoreThresholdCallback ScoreWatcher(long every) => new(Registry.Default.Make<float[], int>(EnvId), every, EvalEpisodes, EvalSeed, Threshold);

    private (long? Reached, double Score, long Spent) ModelFree()
    {
        using var agent = AgentBenchmarkConfigs.Create(Agent, AgentEnvs.Make(EnvId, AgentBenchmarkConfigs.NumEnvs), Seed);
        var callback = ScoreWatcher(ModelFreeEvalEvery);
        agent.Learn(ModelFreeMaxSteps, [callback]);
        return (callback.ReachedAt, callback.LastScore, agent.NumTimesteps);
    }

    private (long? Reached, double Score, long Spent) ModelBased(string name, int? budget)
    {
        using var agent = ModelBasedAgents.Create(name, AgentEnvs.Make(EnvId, 1), new TrainingOptions { Seed = Seed }, budget);
        var callback = ScoreWatcher(1);
        agent.Learn(budget ?? agent.Options.Budget, [callback]);
        return (callback.ReachedAt, callback.LastScore, agent.NumTimesteps);
    }

    /// <summary>The paper-style surrogate fitted once on each batch size in turn until one reaches the threshold.</summary>
    private (long? Reached, double Score, long Spent) PaperLadder()
    {
        (long? Reached, double Score, long Spent) last = (null, double.NaN, 0);
        foreach (int budget in PaperBudgets)
        {
            last = ModelBased("surrogate", budget);
            Console.WriteLine($"// surrogate {EnvId} seed {Seed}: {budget} evaluations → score {last.Score:0.000}");
            if (last.Reached is not null) return last;
        }
        return last;
    }
}
