using static TorchSharp.torch;

namespace SplitGym.Llm.Checkpoints;

/// <summary>One tensor described by a safetensors header.</summary>
/// <param name="Name">Tensor key, e.g. <c>model.layers.0.mlp.up_proj.weight</c>.</param>
/// <param name="DType">On-disk element type name (F32, F16, BF16).</param>
/// <param name="Type">The matching torch scalar type.</param>
/// <param name="Shape">Dimensions.</param>
/// <param name="Begin">First byte, relative to the start of the data section.</param>
/// <param name="End">One past the last byte, relative to the start of the data section.</param>
public sealed record SafetensorsEntry(string Name, string DType, ScalarType Type, long[] Shape, long Begin, long End)
{
    /// <summary>Shape as text for messages, e.g. [4, 8].</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
