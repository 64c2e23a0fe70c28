namespace SplitGym.Llm.Channels;

/// <summary>What the receiver does with the faded signal before the edge side uses it.</summary>
public enum Equalization
{
    /// <summary>Use ŷ = h⊙y + n as received (the paper's formula).</summary>
    None,

    /// <summary>Zero-forcing with perfect channel knowledge: ŷ/h = y + n/h (undoes the fade, amplifies noise in deep fades).</summary>
    ZeroForcing,
}
