using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SplitGym.Benchmarks.Agents;

/// <summary>
/// As <see cref="InProcessOnceConfig"/> (one cold, in-process invocation per case) but with a 2-hour timeout:
/// the in-process toolchain's default of 5 minutes aborts model-based and live runs on a shared machine.
/// </summary>
public sealed class InProcessLongRunConfig : ManualConfig
{
    /// <summary>Longest a single case may run.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(2);

    /// <summary>One cold-start invocation per case with the in-process toolchain and a long timeout.</summary>
    public InProcessLongRunConfig() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1).WithInvocationCount(1)
            .WithToolchain(new InProcessEmitToolchain(Timeout, logOutput: true)));
}
