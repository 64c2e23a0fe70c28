using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using SplitGym.Agents;
using SplitGym.Agents.Training;
using SplitGym.Core.Classic;

namespace SplitGym.Benchmarks.Agents;

/// <summary>
/// Training throughput in env steps per second with 8 CartPole envs (the env costs little, so this is
/// the agent's overhead: inference per vector step, buffer writes, updates). One operation is one
/// env step; the peak working set of the process is printed at the end.
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
public class AgentThroughputBenchmarks
{
    private const int Steps = 16_384;
    private Algorithm _agent = null!;
    private long _target;

    /// <summary>The algorithm.</summary>
    [Params("PPO", "DQN")]
    public string Algorithm { get; set; } = "PPO";

    /// <summary>Builds the agent and runs past DQN's warm-up so iterations measure learning.</summary>
    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.set_num_threads(1);
        _agent = AgentBenchmarkConfigs.Create(Algorithm, AgentEnvs.Make(CartPoleEnv.Id, AgentBenchmarkConfigs.NumEnvs), seed: 0);
        _target = 2_048;
        _agent.Learn(_target);
    }

    /// <summary>Learns for 16,384 more env steps.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void Learn()
    {
        _target += Steps;
        _agent.Learn(_target);
    }

    /// <summary>Prints the peak working set and disposes the agent.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// {Algorithm}: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");
        _agent.Dispose();
    }
}
