using SplitGym.Core.Classic;
using SplitGym.Core.Registration;
using SplitGym.Core.Vector;
using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Tests.Vector;

/// <summary>Tests that measure process-wide allocation: xUnit runs this collection alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurementCollection
{
    public const string Name = "Allocation measurements";
}

/// <summary>
/// The vector hot path allocates nothing: 8 CartPoles behind the full Make stack plus
/// RecordEpisodeStatistics, episodes ending and auto-resetting, after a warm-up that lets the JIT
/// and first-use initialisation finish.
/// </summary>
[Collection(AllocationMeasurementCollection.Name)]
public sealed class VectorAllocationTests
{
    private const int NumEnvs = 8;
    private const int WarmUpSteps = 2_000;

    [Theory]
    [InlineData(VectorMode.Sync, AutoresetMode.NextStep)]
    [InlineData(VectorMode.Sync, AutoresetMode.SameStep)]
    [InlineData(VectorMode.Async, AutoresetMode.NextStep)]
    [InlineData(VectorMode.Async, AutoresetMode.SameStep)]
    public void Vector_steps_allocate_nothing_on_the_calling_thread(VectorMode mode, AutoresetMode autoreset)
    {
        using var vector = WarmedUp(mode, autoreset, out var actions);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(vector, actions, 5_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// Counts every thread's allocations (the workers' included) over windows of steps. Unrelated
    /// allocations of the runtime and the test host (e.g. still reporting earlier tests' results)
    /// come and go, so the quietest of three windows is judged: it must stay under one byte per
    /// step, while any per-step allocation (24 bytes at least) would exceed that in every window.
    /// </summary>
    [Fact]
    public void Async_vector_steps_allocate_nothing_on_the_worker_threads_either()
    {
        const int steps = 20_000;
        using var vector = WarmedUp(VectorMode.Async, AutoresetMode.NextStep, out var actions);
        var windows = new List<long>();
        for (var window = 0; window < 3; window++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            Run(vector, actions, steps);
            windows.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        Assert.True(windows.Min() < steps, $"Bytes allocated by all threads in three windows of {steps} vector steps of {NumEnvs} sub-envs: {string.Join(", ", windows)}; expected under one byte per step in at least one.");
    }

    private static VectorEnv WarmedUp(VectorMode mode, AutoresetMode autoreset, out int[] actions)
    {
        var vector = Registry.Default.MakeVec(CartPoleEnv.Id, NumEnvs, mode, autoreset, wrappers: env => new RecordEpisodeStatistics<float[], int>(env));
        vector.Reset(seed: 0);
        actions = new int[NumEnvs];
        Run(vector, actions, WarmUpSteps);
        return vector;
    }

    /// <summary>Steps with an alternating pattern that ends CartPole episodes every few dozen steps, so resets are on the measured path.</summary>
    private static void Run(VectorEnv vector, int[] actions, int steps)
    {
        for (var t = 0; t < steps; t++)
        {
            actions[t % NumEnvs] = (t / 3) % 2;
            vector.Step(actions);
        }
    }
}
