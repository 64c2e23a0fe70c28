using System.Runtime;

namespace SplitGym.Llm.Tests.Optimization;

/// <summary>
/// Runs reference code that relies on TorchSharp's implicit <c>Scalar</c> temporaries (TorchSharp's own optimizers)
/// with no garbage collection during the run, and runs it again when a collection happened anyway.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 hands such temporaries to native calls without keeping them alive. A collection triggered by any
/// thread (xunit runs test classes in parallel) can finalize one mid-call, and the native side then reads freed memory:
/// the <em>reference</em> would be wrong, not the code under test. That is why SplitGym's safe optimizers exist; their
/// golden test must not inherit the race from the optimizer it compares against.
/// </remarks>
internal static class CollectionFreeRun
{
    /// <summary>Managed allocation allowed inside the no-GC region; the reference runs allocate far less.</summary>
    private const long AllocationBudgetBytes = 64L << 20;

    private const int Attempts = 5;

    /// <summary>The result of the first run of <paramref name="work"/> that no garbage collection interrupted.</summary>
    public static T Run<T>(Func<T> work) where T : IDisposable
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            bool noCollectionRegion = GC.TryStartNoGCRegion(AllocationBudgetBytes);
            int collectionsBefore = GC.CollectionCount(0);
            T result;
            try
            {
                result = work();
            }
            finally
            {
                if (noCollectionRegion && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
            }
            if (GC.CollectionCount(0) == collectionsBefore) return result;
            result.Dispose();
        }
        throw new InvalidOperationException($"a garbage collection interrupted each of {Attempts} reference runs");
    }
}
