using SplitGym.Core;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// The learned world a model-based agent's inner envs run on. It holds the current tabulated model and
/// is updated in place after every refit, so the inner policy keeps training in the same envs (warm
/// start) while the model behind them improves; as the envs' drift it applies the current learned
/// channel transition (none: the channel stays put).
/// </summary>
public sealed class SurrogateWorld : ILearnedModel, IChannelDrift
{
    private LearnedModelGrid? _grid;

    /// <summary>The current model; throws before the first <see cref="Update"/>.</summary>
    public LearnedModelGrid Current => _grid ?? throw new InvalidOperationException("The learned world has no model yet; fit the surrogate and call Update first.");

    /// <inheritdoc />
    public IChannelDrift? ChannelTransition => _grid?.ChannelTransition;

    /// <summary>Replaces the model (envs pick it up at their next reset, or next step when the channel drifts).</summary>
    public void Update(LearnedModelGrid grid) => _grid = grid ?? throw new ArgumentNullException(nameof(grid));

    /// <inheritdoc />
    public PerplexityEstimate Estimate(int split, ChannelState channel) => Current.Estimate(split, channel);

    /// <inheritdoc />
    public double PredictPerplexity(int split, ChannelState channel) => Current.PredictPerplexity(split, channel);

    /// <summary>The channel one step later under the current learned transition (unchanged when there is none).</summary>
    public ChannelState Next(ChannelState state, ChannelRange range, Rng rng) => ChannelTransition?.Next(state, range, rng) ?? state;

    /// <summary>Always valid: the transitions it delegates to are validated when fitted.</summary>
    public IChannelDrift Validated() => this;
}
