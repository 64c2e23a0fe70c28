using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using SplitGym.Agents;
using SplitGym.Agents.Training;
using SplitGym.Core.Classic;

namespace SplitGym.Benchmarks.Agents;

/// <summary>
/// Training throughput in env steps per second with 8 CartPole envs (the env costs little, so this is
/// the agent's overhead: inference per vector step, buffer writes, updates). One operation is one
/// env step. Each case prints its peak working set at the end (see <see cref="Cleanup"/>).
/// </summary>
[Config(typeof(InProcessMonitoringConfig))]
public class AgentThroughputBenchmarks
{
    private const int Steps = 16_384;
    private Algorithm _agent = null!;
    private long _target;
    private long _peakBefore;

    /// <summary>The algorithm.</summary>
    [Params("PPO", "DQN")]
    public string Algorithm { get; set; } = "PPO";

    /// <summary>Builds the agent and runs past DQN's warm-up so iterations measure learning.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
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

    /// <summary>
    /// Prints the case's peak working set (MiB, whole process: runtime, BenchmarkDotNet and libtorch included) and
    /// disposes the agent. The cases share one process and the peak only grows, so a case's own peak is known exactly
    /// when the process peak rose during it (it ran first, or needed more than the cases before); otherwise it is at
    /// most the process peak. For an exact figure per algorithm, run each in its own process.
    /// </summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        string own = peak > _peakBefore ? $"{MiB(peak)} MiB" : $"≤ {MiB(peak)} MiB (the process peak was set by an earlier case)";
        Console.WriteLine($"// {Algorithm}: peak working set {own}; {MiB(_peakBefore)} MiB before the case");
        _agent.Dispose();
    }

    private static long MiB(long bytes) => bytes / (1 << 20);
}
