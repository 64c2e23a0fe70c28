using BenchmarkDotNet.Attributes;
using SplitGym.Core.Classic;
using SplitGym.Core.Registration;
using SplitGym.Core.Vector;
using SplitGym.Core.Wrappers;

namespace SplitGym.Benchmarks.Core;

/// <summary>
/// Cost of one vector step of 8 CartPole sub-envs (each with the Make stack plus
/// RecordEpisodeStatistics), synchronous and on worker threads. Each operation is one vector
/// step (8 env steps); 200 vector steps per invocation, autoreset NextStep.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CartPoleVectorBenchmarks
{
    private const int NumEnvs = 8;
    private const int VectorSteps = 200;

    private VectorEnv _sync = null!;
    private VectorEnv _async = null!;
    private int[] _actions = null!;

    /// <summary>Creates and resets both vector envs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _sync = Make(VectorMode.Sync);
        _async = Make(VectorMode.Async);
        _actions = new int[NumEnvs];
    }

    /// <summary>Stops the worker threads.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _sync.Dispose();
        _async.Dispose();
    }

    /// <summary>SyncVectorEnv, 8 sub-envs.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = VectorSteps)]
    public void SyncVectorStep() => Run(_sync);

    /// <summary>AsyncVectorEnv, 8 sub-envs on the machine's worker threads.</summary>
    [Benchmark(OperationsPerInvoke = VectorSteps)]
    public void AsyncVectorStep() => Run(_async);

    private static VectorEnv Make(VectorMode mode)
    {
        var vector = Registry.Default.MakeVec(CartPoleEnv.Id, NumEnvs, mode, wrappers: env => new RecordEpisodeStatistics<float[], int>(env));
        vector.Reset(seed: 0);
        return vector;
    }

    private void Run(VectorEnv vector)
    {
        for (var t = 0; t < VectorSteps; t++)
        {
            for (var i = 0; i < NumEnvs; i++)
            {
                _actions[i] = (t + i) & 1;
            }
            vector.Step(_actions);
        }
    }
}
