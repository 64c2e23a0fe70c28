using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SplitGym.Benchmarks.Llm;

/// <summary>
/// In-process (the libtorch native library is already fixed up in this project's output), one warm-up
/// and five measured iterations of one invocation each: an evaluation takes seconds, so per-iteration
/// timing is precise and more iterations would only cost time on a shared 2-core machine.
/// </summary>
public class LlmBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the config with the throughput columns.</summary>
    public LlmBenchmarkConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(5));
        AddColumn(new ThroughputColumn(ThroughputColumn.Kind.TokensPerSecond), new ThroughputColumn(ThroughputColumn.Kind.GigaflopsPerSecond), new ThroughputColumn(ThroughputColumn.Kind.FractionOfMatMulPeak));
    }
}
