using BenchmarkDotNet.Attributes;
using SplitGym.Core;
using SplitGym.Core.Registration;
using SplitGym.Core.Vector;
using SplitGym.Envs;
using SplitGym.Envs.Registration;

namespace SplitGym.Benchmarks.Envs;

/// <summary>
/// Steps per second of the table-backed split-inference env on the shipped tiny LLaMA's calibrated
/// table (episodes of 32 steps, so each step carries 1/32 of a reset with its oracle planning):
/// raw on the allocation-free array path, raw on the single-env API, behind the full <c>Make</c>
/// stack, and in a synchronous vector env of 16. Each operation is one env step.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SplitInferenceStepBenchmarks
{
    private const int Steps = 3_200;
    private const int NumEnvs = 16;
    private const int VectorSteps = 200;

    private IArrayEnv _raw = null!;
    private IArrayEnv _made = null!;
    private Env<float[], int> _single = null!;
    private VectorEnv _vector = null!;
    private float[] _observation = null!;
    private InfoBuffer _rawInfo = null!, _madeInfo = null!;
    private int[] _actions = null!;

    /// <summary>Builds and seeds the envs on the shipped assets.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var registry = SplitInferenceRegistration.RegisterDefaults();
        _raw = (IArrayEnv)registry.Make(SplitInferenceRegistration.DefaultId).Unwrapped;
        _made = (IArrayEnv)registry.Make(SplitInferenceRegistration.DefaultId);
        _single = (Env<float[], int>)registry.Make(SplitInferenceRegistration.DefaultId).Unwrapped;
        _vector = registry.MakeVec(SplitInferenceRegistration.DefaultId, NumEnvs);
        _observation = new float[3];
        _rawInfo = new InfoBuffer(_raw.InfoKeys);
        _madeInfo = new InfoBuffer(_made.InfoKeys);
        _actions = new int[NumEnvs];
        _raw.ResetInto(0, _observation, _rawInfo);
        _made.ResetInto(0, _observation, _madeInfo);
        _single.Reset(seed: 0);
        _vector.Reset(seed: 0);
    }

    /// <summary>Releases the vector env.</summary>
    [GlobalCleanup]
    public void Cleanup() => _vector.Dispose();

    /// <summary>Raw env, array path (the target: ≥ 2 M steps/s per core, zero allocations).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public void RawStepInto() => StepInto(_raw, _rawInfo);

    /// <summary>Full Make stack (checker, order enforcing, time limit), array path.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void MakeStackStepInto() => StepInto(_made, _madeInfo);

    /// <summary>Raw env, single-env API (allocates observation and info dictionary per step).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void RawStepSingleApi()
    {
        for (int t = 0; t < Steps; t++)
        {
            _single.Step(t % 3);
            if ((t + 1) % SplitInferenceOptions.DefaultEpisodeLength == 0) _single.Reset();
        }
    }

    /// <summary>SyncVectorEnv of 16 behind the Make stack; one operation is one sub-env step.</summary>
    [Benchmark(OperationsPerInvoke = VectorSteps * NumEnvs)]
    public void SyncVector16Step()
    {
        for (int t = 0; t < VectorSteps; t++)
        {
            for (int i = 0; i < NumEnvs; i++) _actions[i] = (t + i) % 3;
            _vector.Step(_actions);
        }
    }

    private void StepInto(IArrayEnv env, InfoBuffer info)
    {
        for (int t = 0; t < Steps; t++)
        {
            var outcome = env.StepInto(t % 3, _observation, info);
            if (outcome.Truncated || (t + 1) % SplitInferenceOptions.DefaultEpisodeLength == 0)
                env.ResetInto(null, _observation, info);
        }
    }
}
