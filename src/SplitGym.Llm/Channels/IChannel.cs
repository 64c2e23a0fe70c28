using static TorchSharp.torch;

namespace SplitGym.Llm.Channels;

/// <summary>
/// A wireless link model between the UE and the edge server: it maps the transmitted hidden state
/// y [batch, tokens, hidden] to the received ŷ (same shape and dtype). All randomness is drawn from
/// the given generator, so the same generator state gives the same ŷ; implementations never use
/// torch's global random state. The batch dimension holds independent sequences: statistics that
/// depend on the signal (e.g. RMS(y)) and block fades are per sequence, so batching several windows
/// together does not change what any one of them experiences.
/// </summary>
public interface IChannel
{
    /// <summary>Returns ŷ as a new tensor; <paramref name="transmitted"/> is not modified.</summary>
    /// <param name="transmitted">Hidden state y [batch, tokens, hidden].</param>
    /// <param name="generator">Source of all randomness; must live on the same device as <paramref name="transmitted"/>.</param>
    Tensor Apply(Tensor transmitted, Generator generator);
}
