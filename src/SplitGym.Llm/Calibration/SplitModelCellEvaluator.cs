using SplitGym.Llm.Channels;
using SplitGym.Llm.Model;
using SplitGym.Llm.Split;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// The real cell evaluator: the split LLaMA with the channel in the loop. The clean UE-side hidden
/// states of all windows are computed once per split and kept; visiting splits in increasing order
/// (as a sweep does) advances them layer by layer, so the UE side costs one forward pass for the
/// whole sweep. A channel draw then costs only the channel and the edge side, run over the windows in
/// batches of <c>batchWindows</c>.
/// </summary>
/// <remarks>
/// A draw's noise comes from a generator seeded with the draw's seed and consumed batch after batch,
/// so results depend on the batch size: keep it fixed within a sweep (it is part of the
/// reproducibility, not of the statistics).
/// </remarks>
public sealed class SplitModelCellEvaluator : ICellEvaluator, IDisposable
{
    private readonly SplitRunner _runner;
    private readonly Tensor _inputs;
    private readonly Tensor _targets;
    private readonly Tensor _scored;
    private readonly int _batchWindows;
    private readonly Func<double, double, IChannel> _channelFor;
    private Tensor? _cachedHidden;
    private int _cachedSplit;
    private double? _clean;

    /// <summary>Prepares windows of <paramref name="tokenIds"/> for <paramref name="model"/> (not owned).</summary>
    /// <param name="model">The model to split.</param>
    /// <param name="tokenIds">The evaluation text as token ids.</param>
    /// <param name="plan">The windows to score (see <see cref="WindowPlan"/>).</param>
    /// <param name="batchWindows">Windows per forward batch (memory versus speed).</param>
    /// <param name="channelFor">The channel for (intensity, shape), e.g. via <see cref="CalibrationChannels.Create"/>.</param>
    public SplitModelCellEvaluator(LlamaForCausalLM model, IReadOnlyList<int> tokenIds, WindowPlan plan, int batchWindows, Func<double, double, IChannel> channelFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchWindows, 1);
        _runner = new SplitRunner(model);
        Plan = plan;
        _batchWindows = batchWindows;
        _channelFor = channelFor;
        (_inputs, _targets, _scored) = BuildWindows(tokenIds, plan);
    }

    /// <summary>The window layout.</summary>
    public WindowPlan Plan { get; }

    /// <inheritdoc />
    public int TokensPerRepeat => Plan.ScoredTokens;

    /// <inheritdoc />
    public double CleanPerplexity() => _clean ??= Perplexity(batch => _runner.Model.forward(_inputs[batch]));

    /// <inheritdoc />
    public ISplitSession OpenSplit(int split)
    {
        PrepareHidden(split);
        return new Session(this, split);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cachedHidden?.Dispose();
        _inputs.Dispose();
        _targets.Dispose();
        _scored.Dispose();
    }

    private static (Tensor Inputs, Tensor Targets, Tensor Scored) BuildWindows(IReadOnlyList<int> ids, WindowPlan plan)
    {
        var inputs = new long[plan.Count * plan.Window];
        var targets = new long[inputs.Length];
        var scored = new bool[inputs.Length];
        for (int k = 0; k < plan.Count; k++)
        {
            for (int t = 0; t < plan.Window; t++)
            {
                int at = k * plan.Window + t, source = plan.Start(k) + t;
                (inputs[at], targets[at], scored[at]) = (ids[source], ids[source + 1], t >= plan.FirstScored(k));
            }
        }
        long[] shape = [plan.Count, plan.Window];
        return (tensor(inputs, shape), tensor(targets, shape), tensor(scored, shape));
    }

    /// <summary>Brings the cached clean hidden states to <paramref name="split"/>, advancing from the cached split when possible.</summary>
    private void PrepareHidden(int split)
    {
        if (_cachedHidden is not null && _cachedSplit == split)
            return;
        bool advance = _cachedHidden is not null && _cachedSplit < split;
        var previous = _cachedHidden;
        _cachedHidden = Batched(batch => advance
            ? _runner.AdvanceUe(previous![batch], _cachedSplit, split)
            : _runner.RunUe(_inputs[batch], split));
        previous?.Dispose();
        _cachedSplit = split;
    }

    /// <summary>Runs <paramref name="stage"/> on every batch of windows and concatenates the results along the window axis.</summary>
    private Tensor Batched(Func<TensorIndex, Tensor> stage)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var parts = Batches().Select(batch => stage(batch)).ToList();
        return cat(parts, 0).MoveToOuterDisposeScope();
    }

    private IEnumerable<TensorIndex> Batches()
    {
        for (int start = 0; start < Plan.Count; start += _batchWindows)
            yield return TensorIndex.Slice(start, Math.Min(start + _batchWindows, Plan.Count));
    }

    /// <summary>exp(mean NLL over scored targets) of the logits <paramref name="logitsOf"/> gives per batch.</summary>
    private double Perplexity(Func<TensorIndex, Tensor> logitsOf)
    {
        using var noGrad = no_grad();
        double totalNll = 0;
        foreach (var batch in Batches())
        {
            using var scope = NewDisposeScope();
            var logits = logitsOf(batch);
            var nll = nn.functional.cross_entropy(logits.flatten(0, 1), _targets[batch].flatten(), reduction: nn.Reduction.None);
            totalNll += nll.to_type(ScalarType.Float64).masked_select(_scored[batch].flatten()).sum().item<double>();
        }
        return Math.Exp(totalNll / Plan.ScoredTokens);
    }

    private sealed class Session(SplitModelCellEvaluator owner, int split) : ISplitSession
    {
        public double Perplexity(double intensity, double shape, ulong seed)
        {
            if (owner._cachedSplit != split)
                throw new InvalidOperationException($"Session for split {split} used after split {owner._cachedSplit} was opened.");
            var channel = owner._channelFor(intensity, shape);
            using var generator = new Generator(seed);
            return owner.Perplexity(batch => owner._runner.RunEdge(channel.Apply(owner._cachedHidden![batch], generator), split));
        }

        public void Dispose()
        {
        }
    }
}
