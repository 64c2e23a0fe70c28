namespace SplitGym.Llm.Channels;

/// <summary>How the noise intensity σ of an additive Gaussian channel is measured.</summary>
public enum NoiseScale
{
    /// <summary>σ is the noise standard deviation in hidden-state units (the paper's form).</summary>
    Absolute,

    /// <summary>σ is relative to the signal: the noise standard deviation is σ · RMS(y) of each sequence, i.e. a fixed SNR of 1/σ².</summary>
    RelativeToSignal,
}
