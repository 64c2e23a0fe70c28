using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SplitGym.Benchmarks.Agents;

/// <summary>Runs each case once, in process (a learning run is minutes long: no warm-up, no repeats, no per-case build).</summary>
public sealed class InProcessOnceConfig : ManualConfig
{
    /// <summary>One cold-start invocation per case with the in-process toolchain.</summary>
    public InProcessOnceConfig() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1).WithInvocationCount(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
}
