using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Reference;

/// <summary>Tensor helpers for tests: exact comparison (same shape, same dtype, every element equal) and element values as doubles, leaving no tensors behind.</summary>
public static class Tensors
{
    public static bool Identical(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.eq(b).all().item<bool>();
    }

    /// <summary>All elements in row-major order, converted to double.</summary>
    public static double[] Values(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.to_type(ScalarType.Float64).flatten().data<double>().ToArray();
    }
}
