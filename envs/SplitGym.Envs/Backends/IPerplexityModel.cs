using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Backends;

/// <summary>
/// Anything that predicts the split model's perplexity from the split and the channel: the learned
/// reward surrogate of model-based RL, or a closed-form law. Plugged into <see cref="LearnedBackend"/>.
/// </summary>
public interface IPerplexityModel
{
    /// <summary>Predicted expected perplexity at <paramref name="split"/> under <paramref name="channel"/> (&gt; 0).</summary>
    double PredictPerplexity(int split, ChannelState channel);
}
