namespace SplitGym.Llm.Channels;

/// <summary>How many independent fading amplitudes h a transmitted hidden state experiences.</summary>
public enum FadingGranularity
{
    /// <summary>One fade per element (fast fading: every value travels on its own sub-channel).</summary>
    PerElement,

    /// <summary>One fade per token vector (all hidden values of a token share a fade).</summary>
    PerToken,

    /// <summary>One fade per transmitted sequence (block fading).</summary>
    PerTensor,
}
