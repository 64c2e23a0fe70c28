using System.Runtime.CompilerServices;
using TorchSharp;

namespace SplitGym.Llm.Tests;

/// <summary>
/// Runs libtorch single-threaded in this test process. xunit runs test classes in parallel and the
/// build machines have two shared cores: intra-op threads on top of that oversubscribe the CPU, and a
/// tiny-model forward pass measured 15-30 ms with two threads against about 1 ms with one under load.
/// Results do not depend on the thread count beyond float summation order.
/// </summary>
internal static class TestAssemblySetup
{
    [ModuleInitializer]
    internal static void UseOneTorchThread() => torch.set_num_threads(1);
}
