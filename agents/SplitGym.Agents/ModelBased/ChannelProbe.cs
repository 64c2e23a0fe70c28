using SplitGym.Envs;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// For envs declared to drift: plays the current policy for a few steps in a twin of the real env
/// (same backend, so each step is one real evaluation, spent and logged through the
/// <see cref="RealEvaluator"/>) and keeps the observed consecutive channel states, from which the
/// learned channel transition is fitted. The measured perplexities join the surrogate's data.
/// </summary>
internal sealed class ChannelProbe
{
    private readonly SplitInferenceEnv _env;
    private readonly RealEvaluator _evaluator;
    private readonly List<(ChannelState From, ChannelState To)> _pairs = [];

    public ChannelProbe(SplitInferenceEnv real, RealEvaluator evaluator)
    {
        _env = new SplitInferenceEnv(real.Backend, real.Options with { ChannelRange = real.ChannelRange });
        _evaluator = evaluator;
    }

    /// <summary>The observed channel transitions so far.</summary>
    public IReadOnlyList<(ChannelState From, ChannelState To)> Pairs => _pairs;

    /// <summary>Plays one episode of at most <paramref name="steps"/> real steps (fewer when the budget runs out).</summary>
    public void Run(IAgent policy, int steps, int round, int seed)
    {
        var observation = _env.Reset(seed).Observation;
        int splitMax = _env.Options.SplitMax ?? _env.Backend.NumLayers - 1;
        for (int t = 0; t < steps && _evaluator.Remaining > 0; t++)
        {
            int action = policy.Predict(observation, deterministic: true);
            var from = _env.Channel;
            int split = Math.Clamp(_env.Split + action - _env.Options.MaxMove, _env.Options.SplitMin, splitMax);
            _evaluator.Spend(new ModelQuery(split, from), round, AcquisitionSource.ChannelProbe, () =>
            {
                var step = _env.Step(action);
                observation = step.Observation;
                return (double)step.Info[SplitInferenceInfo.Perplexity]!;
            });
            _pairs.Add((from, _env.Channel));
        }
    }
}
