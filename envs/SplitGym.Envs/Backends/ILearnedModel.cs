using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Backends;

/// <summary>
/// The learned part of the split-inference world, in the spirit of Gymnasium's functional env
/// (initial, transition, reward): what a model-based agent fits from real evaluations and then
/// trains its policy in, through <see cref="LearnedBackend"/> and <see cref="LearnedEnvironment"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><term>initial</term><description>not learned: the channel of an episode is drawn from the env's
/// declared case range, and the starting split uniformly, exactly as the real env does.</description></item>
/// <item><term>transition</term><description>the split moves by the action (known exactly); the channel
/// (σ, m) moves by <see cref="ChannelTransition"/> — learned from observed channel sequences, null when
/// the channel stays put within an episode.</description></item>
/// <item><term>reward</term><description>the env's reward function applied to <see cref="Estimate"/>,
/// the learned expected perplexity at (p, σ, m), which also carries the model's uncertainty.</description></item>
/// </list>
/// </remarks>
public interface ILearnedModel : IPerplexityModel
{
    /// <summary>Predicted expected log perplexity at <paramref name="split"/> under <paramref name="channel"/> with its uncertainty.</summary>
    PerplexityEstimate Estimate(int split, ChannelState channel);

    /// <summary>The learned channel transition (σ, m) → (σ′, m′); null when the channel is modelled as fixed within an episode.</summary>
    IChannelDrift? ChannelTransition { get; }
}
