using BenchmarkDotNet.Attributes;
using SplitGym.Core;
using SplitGym.Core.Classic;
using SplitGym.Core.Registration;

namespace SplitGym.Benchmarks.Core;

/// <summary>
/// Cost of one CartPole step on the single-env API, raw and behind the full <c>Make</c> wrapper
/// stack (PassiveEnvChecker → OrderEnforcing → TimeLimit), and on the allocation-free array path.
/// Each operation is one step (1,000 steps per invocation, resetting when an episode ends).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CartPoleStepBenchmarks
{
    private const int Steps = 1_000;

    private CartPoleEnv _raw = null!;
    private Env<float[], int> _wrapped = null!;
    private IArrayEnv _rawArray = null!;
    private IArrayEnv _wrappedArray = null!;
    private float[] _observation = null!;
    private InfoBuffer _rawInfo = null!;
    private InfoBuffer _wrappedInfo = null!;

    /// <summary>Creates and seeds the envs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _raw = new CartPoleEnv();
        _wrapped = Registry.Default.Make<float[], int>(CartPoleEnv.Id);
        _rawArray = new CartPoleEnv();
        _wrappedArray = (IArrayEnv)Registry.Default.Make(CartPoleEnv.Id);
        _observation = new float[4];
        _rawInfo = new InfoBuffer(_rawArray.InfoKeys);
        _wrappedInfo = new InfoBuffer(_wrappedArray.InfoKeys);
        _raw.Reset(seed: 0);
        _wrapped.Reset(seed: 0);
        _rawArray.ResetInto(0, _observation, _rawInfo);
        _wrappedArray.ResetInto(0, _observation, _wrappedInfo);
    }

    /// <summary>Raw env, single-env API (allocates the observation and info of each step).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public void RawStep() => RunSteps(_raw);

    /// <summary>The same env behind the full Make stack.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void MakeStackStep() => RunSteps(_wrapped);

    /// <summary>Raw env, array path.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void RawStepInto() => RunStepsInto(_rawArray, _rawInfo);

    /// <summary>Make stack, array path.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void MakeStackStepInto() => RunStepsInto(_wrappedArray, _wrappedInfo);

    private static void RunSteps(Env<float[], int> env)
    {
        for (var t = 0; t < Steps; t++)
        {
            var step = env.Step(t & 1);
            if (step.Terminated || step.Truncated)
            {
                env.Reset();
            }
        }
    }

    private void RunStepsInto(IArrayEnv env, InfoBuffer info)
    {
        for (var t = 0; t < Steps; t++)
        {
            var outcome = env.StepInto(t & 1, _observation, info);
            if (outcome.Terminated || outcome.Truncated)
            {
                env.ResetInto(null, _observation, info);
            }
        }
    }
}
