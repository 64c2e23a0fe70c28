using SplitGym.Llm.Channels;
using SplitGym.Llm.Model;
using SplitGym.Llm.Perplexity;
using SplitGym.Llm.Split;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// The real cell evaluator: the split LLaMA with the channel in the loop, on the engine's
/// <see cref="SlidingWindows"/>. The clean UE-side hidden states of all windows are computed once per
/// split and kept; visiting splits in increasing order (as a sweep does) advances them layer by layer,
/// so the UE side costs one forward pass for the whole sweep. A channel draw then costs only the
/// channel and the edge side, run over the windows in batches.
/// </summary>
/// <remarks>
/// Each window of draw r gets its own generator seeded with <see cref="DrawSeeds.For"/>(cell seed, r,
/// window), exactly as <see cref="PerplexityEvaluator"/> does, so a draw does not depend on the batch
/// size and equals the engine evaluator's repeat r with the cell's seed.
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
    private readonly ModelIdentity? _model;

    /// <summary>Prepares the windows of <paramref name="tokenIds"/> for <paramref name="model"/> (not owned).</summary>
    /// <param name="model">The model to split.</param>
    /// <param name="tokenIds">The evaluation text as token ids.</param>
    /// <param name="windows">The windows to score.</param>
    /// <param name="batchWindows">Windows per forward batch (memory versus speed; results do not depend on it).</param>
    /// <param name="channelFor">The channel for (intensity, shape), e.g. via <see cref="CalibrationChannels.Create"/>.</param>
    public SplitModelCellEvaluator(LlamaForCausalLM model, IReadOnlyList<int> tokenIds, SlidingWindows windows, int batchWindows, Func<double, double, IChannel> channelFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchWindows, 1);
        _runner = new SplitRunner(model);
        Windows = windows;
        _batchWindows = batchWindows;
        _channelFor = channelFor;
        (_inputs, _targets, _scored) = BuildWindows(tokenIds, windows);
    }

    /// <summary>Prepares the windows as above, applying the channel <paramref name="channel"/> (so that <see cref="Channel"/> is known).</summary>
    /// <param name="model">The model to split.</param>
    /// <param name="tokenIds">The evaluation text as token ids.</param>
    /// <param name="windows">The windows to score.</param>
    /// <param name="batchWindows">Windows per forward batch (memory versus speed; results do not depend on it).</param>
    /// <param name="channel">The channel variant, created per (intensity, shape) by <see cref="CalibrationChannels.Create"/>.</param>
    public SplitModelCellEvaluator(LlamaForCausalLM model, IReadOnlyList<int> tokenIds, SlidingWindows windows, int batchWindows, ChannelDescription channel)
        : this(model, tokenIds, windows, batchWindows, (intensity, shape) => CalibrationChannels.Create(channel, intensity, shape))
    {
        Channel = channel;
    }

    /// <summary>The window layout.</summary>
    public SlidingWindows Windows { get; }

    /// <inheritdoc />
    public int? NumLayers => _runner.Model.LayerCount;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The stated identity has another layer count than the model.</exception>
    public ModelIdentity? Model
    {
        get => _model;
        init
        {
            if (value is not null && value.NumLayers != _runner.Model.LayerCount)
                throw new ArgumentException($"The stated model identity '{value.Name}' has {value.NumLayers} layers, but the evaluated model has {_runner.Model.LayerCount}; state the identity of this checkpoint (ModelIdentity.FromCheckpoint).", nameof(Model));
            _model = value;
        }
    }

    /// <inheritdoc />
    public ChannelDescription? Channel { get; }

    /// <inheritdoc />
    public int TokensPerRepeat => Windows.ScoredTokens;

    /// <inheritdoc />
    public double CleanPerplexity() => _clean ??= Perplexity((batch, _) => _runner.Model.forward(_inputs[batch]));

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

    private static (Tensor Inputs, Tensor Targets, Tensor Scored) BuildWindows(IReadOnlyList<int> ids, SlidingWindows windows)
    {
        int width = windows.Window, predictions = width - 1;
        var inputs = new long[windows.Count * width];
        var targets = new long[windows.Count * predictions];
        var scored = new bool[targets.Length];
        for (int k = 0; k < windows.Count; k++)
        {
            int start = windows.Starts[k];
            for (int t = 0; t < width; t++)
                inputs[k * width + t] = ids[start + t];
            for (int i = 0; i < predictions; i++)
                (targets[k * predictions + i], scored[k * predictions + i]) = (ids[start + i + 1], i >= windows.FirstScoredPrediction(k));
        }
        return (tensor(inputs, [windows.Count, width]).DetachFromDisposeScope(),
            tensor(targets, [windows.Count, predictions]).DetachFromDisposeScope(),
            tensor(scored, [windows.Count, predictions]).DetachFromDisposeScope());
    }

    /// <summary>Brings the cached clean hidden states to <paramref name="split"/>, advancing from the cached split when possible.</summary>
    private void PrepareHidden(int split)
    {
        if (_cachedHidden is not null && _cachedSplit == split)
            return;
        bool advance = _cachedHidden is not null && _cachedSplit < split;
        var previous = _cachedHidden;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var parts = Batches().Select(b => advance ? _runner.AdvanceUe(previous![b.Index], _cachedSplit, split) : _runner.RunUe(_inputs[b.Index], split));
            _cachedHidden = cat(parts.ToList(), 0).MoveToOuterDisposeScope();
        }
        previous?.Dispose();
        _cachedSplit = split;
    }

    private IEnumerable<(TensorIndex Index, int FirstWindow)> Batches()
    {
        for (int start = 0; start < Windows.Count; start += _batchWindows)
            yield return (TensorIndex.Slice(start, Math.Min(start + _batchWindows, Windows.Count)), start);
    }

    /// <summary>exp(mean NLL over the scored predictions) of the logits that <paramref name="logitsOf"/> gives per batch.</summary>
    private double Perplexity(Func<TensorIndex, int, Tensor> logitsOf)
    {
        using var noGrad = no_grad();
        double totalNll = 0;
        foreach (var (batch, firstWindow) in Batches())
        {
            using var scope = NewDisposeScope();
            var logits = logitsOf(batch, firstWindow);
            var predictions = logits.narrow(1, 0, logits.shape[1] - 1).flatten(0, 1).to_type(ScalarType.Float32);
            var nll = nn.functional.cross_entropy(predictions, _targets[batch].flatten(), reduction: nn.Reduction.None);
            totalNll += nll.to_type(ScalarType.Float64).masked_select(_scored[batch].flatten()).sum().item<double>();
        }
        return Math.Exp(totalNll / Windows.ScoredTokens);
    }

    /// <summary>The received hidden states of a batch: each window through the channel with its own generator.</summary>
    private Tensor Receive(IChannel channel, TensorIndex batch, int firstWindow, ulong cellSeed, int repeat)
    {
        var sent = _cachedHidden![batch];
        var received = new Tensor[sent.shape[0]];
        for (int i = 0; i < received.Length; i++)
        {
            using var generator = new Generator(DrawSeeds.For(cellSeed, repeat, firstWindow + i), sent.device);
            received[i] = channel.Apply(sent.narrow(0, i, 1), generator);
        }
        return cat(received, 0);
    }

    private sealed class Session(SplitModelCellEvaluator owner, int split) : ISplitSession
    {
        public double Perplexity(double intensity, double shape, ulong cellSeed, int repeat)
        {
            if (owner._cachedSplit != split)
                throw new InvalidOperationException($"Session for split {split} used after split {owner._cachedSplit} was opened.");
            var channel = owner._channelFor(intensity, shape);
            return owner.Perplexity((batch, firstWindow) => owner._runner.RunEdge(owner.Receive(channel, batch, firstWindow, cellSeed, repeat), split));
        }

        public void Dispose()
        {
        }
    }
}
