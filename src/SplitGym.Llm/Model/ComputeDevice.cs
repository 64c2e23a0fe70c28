using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Model;

/// <summary>
/// Chooses the device the split LLaMA runs on. The choice is made at run time, not at build time: the same
/// build runs on the CPU here and on a GPU where libtorch finds one (with a CUDA libtorch package selected by
/// the <c>LibTorchPackage</c> build property). Everything downstream (token tensors, channel generators)
/// follows the device of the model's parameters.
/// </summary>
public static class ComputeDevice
{
    /// <summary>Names accepted by <see cref="Parse"/>.</summary>
    public const string AcceptedNames = "'auto', 'cpu', 'cuda' or 'cuda:N'";

    /// <summary>CUDA when <c>torch.cuda.is_available()</c>, otherwise the CPU.</summary>
    public static Device Preferred() => cuda.is_available() ? CUDA : CPU;

    /// <summary>Resolves a device name: <c>auto</c> is <see cref="Preferred"/>; <c>cuda</c> and <c>cuda:N</c> need a visible GPU.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="AcceptedNames"/>, or it names a GPU that is not there.</exception>
    public static Device Parse(string name)
    {
        var normalised = name.Trim().ToLowerInvariant();
        if (normalised == "auto") return Preferred();
        if (normalised == "cpu") return CPU;
        if (CudaIndex(normalised) is int index)
        {
            RequireCuda(name, index);
            return new Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"Device '{name}' is not recognised; expected {AcceptedNames}.");
    }

    /// <summary>The GPU index named by <c>cuda</c> (0) or <c>cuda:N</c> (N ≥ 0); null for any other name.</summary>
    private static int? CudaIndex(string name)
    {
        if (name == "cuda") return 0;
        return name.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), out var index) && index >= 0 ? index : null;
    }

    private static void RequireCuda(string name, int index)
    {
        if (!cuda.is_available())
            throw new ArgumentException($"Device '{name}' was requested, but torch.cuda.is_available() is false on this machine (CPU libtorch or no GPU); use 'cpu' or 'auto'.");
        if (index >= cuda.device_count())
            throw new ArgumentException($"Device '{name}' was requested, but only {cuda.device_count()} CUDA device(s) are visible.");
    }
}
