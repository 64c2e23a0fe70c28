using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Backends;

/// <summary>
/// Builds the learned twin of a real split-inference env: same model facts (layers, clean perplexity,
/// compute shares, coverage), same options (case, K, reward, split range, episode length), but with
/// the perplexity and the channel transition coming from an <see cref="ILearnedModel"/>. This is the
/// env a model-based agent trains its policy in; it consumes no live evaluations.
/// </summary>
public static class LearnedEnvironment
{
    /// <summary>
    /// A learned backend imitating <paramref name="real"/>: the model facts that need no evaluation of the
    /// split model under a channel (layers, clean perplexity, FLOP shares, coverage) are copied from it.
    /// </summary>
    public static LearnedBackend Backend(IPerplexityModel model, IRewardBackend real)
    {
        ArgumentNullException.ThrowIfNull(real);
        var shares = Enumerable.Range(0, real.NumLayers + 1).Select(real.ComputeShare).ToArray();
        return new LearnedBackend(model, real.NumLayers, real.CleanPerplexity, shares, real.Coverage);
    }

    /// <summary>
    /// The learned twin of <paramref name="real"/>. When <paramref name="drift"/> is given it replaces the
    /// real env's drift (normally <paramref name="model"/> itself or a holder of its current transition);
    /// when null the learned env uses <see cref="ILearnedModel.ChannelTransition"/>. The oracle plans over the real
    /// env's time limit (its spec's, when it was made from the registry).
    /// </summary>
    public static SplitInferenceEnv Create(ILearnedModel model, SplitInferenceEnv real, IChannelDrift? drift = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(real);
        var options = real.Options with
        {
            ChannelRange = real.ChannelRange,
            Drift = drift ?? model.ChannelTransition,
            EpisodeLength = real.Spec?.MaxEpisodeSteps ?? real.Options.EpisodeLength,
        };
        return new SplitInferenceEnv(Backend(model, real.Backend), options);
    }
}
