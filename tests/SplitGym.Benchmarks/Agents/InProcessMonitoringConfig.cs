using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SplitGym.Benchmarks.Agents;

/// <summary>Throughput runs: in process, one warm-up and three measured iterations, managed allocations reported.</summary>
public sealed class InProcessMonitoringConfig : ManualConfig
{
    /// <summary>The monitoring job with the in-process toolchain and the memory diagnoser.</summary>
    public InProcessMonitoringConfig()
    {
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
