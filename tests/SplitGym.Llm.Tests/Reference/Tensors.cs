using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Reference;

/// <summary>Exact tensor comparison for tests (same shape, same dtype, every element equal), leaving no tensors behind.</summary>
public static class Tensors
{
    public static bool Identical(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.eq(b).all().item<bool>();
    }
}
