using SplitGym.Core;
using SplitGym.Envs.Channel;
using SplitGym.Llm.Calibration;

namespace SplitGym.Envs.Backends;

/// <summary>
/// Reward backend that runs the real split LLaMA for every measurement: the UE side up to the split,
/// one channel draw seeded from the environment's generator, and the edge side, scored as perplexity
/// over the evaluator's windows (its token budget). Slow by design; this is what the table and the
/// learned surrogate stand in for.
/// </summary>
/// <remarks>
/// The expected perplexity that the oracle and the regret need cannot be known from single live draws,
/// so it comes from an <i>expectations</i> backend measured on the same checkpoint (normally
/// its calibrated table; the model-based agent may pass its surrogate). The UE-side hidden states of the
/// current split are cached between steps, so staying put costs only the channel and the edge side.
/// </remarks>
public sealed class LiveBackend : IRewardBackend, IDisposable
{
    private readonly ICellEvaluator _evaluator;
    private readonly IRewardBackend _expectations;
    private ISplitSession? _session;
    private int _sessionSplit = -1;
    private double? _clean;

    /// <summary>
    /// Creates the backend, refusing expectations of another checkpoint: the layer counts must agree, and
    /// when the expectations are a table, the evaluator's stated weights SHA-256 (<see cref="ICellEvaluator.Model"/>)
    /// and channel (<see cref="ICellEvaluator.Channel"/>) must be the table's, where the evaluator knows them.
    /// </summary>
    /// <param name="evaluator">The split model on its evaluation text (for example <see cref="SplitModelCellEvaluator"/>).</param>
    /// <param name="expectations">Backend giving expected perplexities, compute shares and coverage for the same checkpoint.</param>
    /// <exception cref="ArgumentException">The expectations belong to another model or channel; the message names both.</exception>
    public LiveBackend(ICellEvaluator evaluator, IRewardBackend expectations)
    {
        LiveModelMatch.Require(evaluator, expectations);
        _evaluator = evaluator;
        _expectations = expectations;
    }

    /// <inheritdoc/>
    public string Name => "live";

    /// <inheritdoc/>
    public int NumLayers => _expectations.NumLayers;

    /// <inheritdoc/>
    public double CleanPerplexity => _clean ??= _evaluator.CleanPerplexity();

    /// <inheritdoc/>
    public ChannelRange Coverage => _expectations.Coverage;

    /// <inheritdoc/>
    public long LiveEvaluations { get; private set; }

    /// <inheritdoc/>
    public double ComputeShare(int split) => _expectations.ComputeShare(split);

    /// <inheritdoc/>
    public void ExpectedPerplexities(ChannelState channel, Span<double> bySplit) => _expectations.ExpectedPerplexities(channel, bySplit);

    /// <inheritdoc/>
    public double MeasurePerplexity(int split, ChannelState channel, double expected, Rng rng)
    {
        if (split != _sessionSplit)
        {
            _session?.Dispose();
            _session = _evaluator.OpenSplit(split);
            _sessionSplit = split;
        }
        LiveEvaluations++;
        return _session!.Perplexity(channel.Sigma, channel.Shape, rng.NextUInt64(), repeat: 0);
    }

    /// <summary>Releases the cached hidden states.</summary>
    public void Dispose()
    {
        _session?.Dispose();
        _session = null;
        _sessionSplit = -1;
    }
}
