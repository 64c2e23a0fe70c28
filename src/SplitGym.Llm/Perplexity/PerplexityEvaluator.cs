using SplitGym.Llm.Channels;
using SplitGym.Llm.Model;
using SplitGym.Llm.Split;
using static TorchSharp.torch;

namespace SplitGym.Llm.Perplexity;

/// <summary>
/// Measures the perplexity of a split model with a channel in the loop over a fixed evaluation text,
/// cut into <see cref="SlidingWindows"/> and run in batches of windows. For each batch the clean UE
/// side is computed once and reused for every Monte-Carlo repeat; each repeat then draws the channel
/// for each window from its own generator (seeded from (seed, repeat, window) via
/// <see cref="DrawSeeds"/>), so results are reproducible and independent of the batch size.
/// With a noiseless channel the result equals the unsplit model's perplexity exactly, for every split.
/// Each window batch runs in its own dispose scope and without gradients; the windows live on the model's device.
/// </summary>
public sealed class PerplexityEvaluator : IDisposable
{
    private readonly SplitRunner _runner;
    private readonly Tensor _inputs;
    private readonly Tensor _targets;
    private readonly Tensor _scoredMask;
    private readonly int _batchSize;

    /// <summary>Prepares the windows of <paramref name="tokenIds"/> for <paramref name="model"/> (not owned).</summary>
    /// <param name="model">The model to evaluate.</param>
    /// <param name="tokenIds">Evaluation text as token ids (each in [0, vocab)).</param>
    /// <param name="window">Tokens per window; at most max_position_embeddings.</param>
    /// <param name="stride">Tokens between windows (see <see cref="SlidingWindows"/>).</param>
    /// <param name="batchSize">Windows per forward pass: larger is faster until memory or cache limits.</param>
    public PerplexityEvaluator(LlamaForCausalLM model, IReadOnlyList<int> tokenIds, int window, int stride, int batchSize = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (window > model.Config.MaxPositionEmbeddings)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"Window exceeds the model's max_position_embeddings = {model.Config.MaxPositionEmbeddings}.");
        _runner = new SplitRunner(model);
        _batchSize = batchSize;
        Windows = new SlidingWindows(tokenIds.Count, window, stride);
        (_inputs, _targets, _scoredMask) = BuildWindowTensors(tokenIds, Windows, model.Config.VocabSize, model.parameters().First().device);
    }

    /// <summary>The window layout.</summary>
    public SlidingWindows Windows { get; }

    /// <summary>Scored tokens per evaluation.</summary>
    public long TokenCount => Windows.ScoredTokens;

    /// <summary>Perplexity of the unsplit model without a channel.</summary>
    public double Clean()
    {
        var totalNll = 0.0;
        ForEachBatch((batch, _) => totalNll += SummedNll(_runner.Model.forward(_inputs[batch]), batch));
        return Math.Exp(totalNll / TokenCount);
    }

    /// <summary>Perplexity of the model split at <paramref name="split"/> with <paramref name="channel"/>, over <paramref name="repeats"/> independent channel draws.</summary>
    /// <param name="split">Decoder layers on the UE, 0..L.</param>
    /// <param name="channel">The link between UE and edge.</param>
    /// <param name="repeats">Monte-Carlo repeats (≥ 1).</param>
    /// <param name="seed">Base seed of all channel draws.</param>
    public PerplexityResult Evaluate(int split, IChannel channel, int repeats, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var totalNll = new double[repeats];
        ForEachBatch((batch, firstWindow) =>
        {
            var transmitted = _runner.RunUe(_inputs[batch], split);
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                using var repeatScope = NewDisposeScope();
                var received = Transmit(transmitted, channel, seed, repeat, firstWindow);
                totalNll[repeat] += SummedNll(_runner.RunEdge(received, split), batch);
            }
        });
        return PerplexityResult.FromRepeats(totalNll.Select(nll => Math.Exp(nll / TokenCount)).ToArray(), TokenCount);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inputs.Dispose();
        _targets.Dispose();
        _scoredMask.Dispose();
    }

    /// <summary>Applies the channel to each window of the batch with that window's own generator.</summary>
    private static Tensor Transmit(Tensor transmitted, IChannel channel, ulong seed, int repeat, int firstWindow)
    {
        var windows = new Tensor[transmitted.shape[0]];
        for (var i = 0; i < windows.Length; i++)
        {
            using var generator = new Generator(DrawSeeds.For(seed, repeat, firstWindow + i), transmitted.device);
            windows[i] = channel.Apply(transmitted.narrow(0, i, 1), generator);
        }
        return cat(windows, 0);
    }

    private void ForEachBatch(Action<TensorIndex, int> body)
    {
        using var noGrad = no_grad();
        for (var start = 0; start < Windows.Count; start += _batchSize)
        {
            using var scope = NewDisposeScope();
            body(TensorIndex.Slice(start, Math.Min(start + _batchSize, Windows.Count)), start);
        }
    }

    /// <summary>Sum over the batch's scored predictions of −log p(target), accumulated in float64.</summary>
    private double SummedNll(Tensor logits, TensorIndex batch)
    {
        var predictions = logits.narrow(1, 0, logits.shape[1] - 1).to_type(ScalarType.Float32);
        var logProbabilities = predictions.log_softmax(-1).gather(-1, _targets[batch].unsqueeze(-1)).squeeze(-1);
        return -logProbabilities.to_type(ScalarType.Float64).masked_select(_scoredMask[batch]).sum().item<double>();
    }

    private static (Tensor Inputs, Tensor Targets, Tensor Scored) BuildWindowTensors(IReadOnlyList<int> ids, SlidingWindows windows, int vocabSize, Device device)
    {
        var (count, width) = (windows.Count, windows.Window);
        var inputs = new long[count * width];
        var targets = new long[count * (width - 1)];
        var scored = new bool[targets.Length];
        for (var k = 0; k < count; k++)
        {
            var start = windows.Starts[k];
            for (var t = 0; t < width; t++) inputs[k * width + t] = RequireId(ids, start + t, vocabSize);
            for (var i = 0; i < width - 1; i++)
            {
                targets[k * (width - 1) + i] = ids[start + i + 1];
                scored[k * (width - 1) + i] = i >= windows.FirstScoredPrediction(k);
            }
        }
        return (tensor(inputs, [count, width], device: device).DetachFromDisposeScope(),
            tensor(targets, [count, width - 1], device: device).DetachFromDisposeScope(),
            tensor(scored, [count, width - 1], device: device).DetachFromDisposeScope());
    }

    private static long RequireId(IReadOnlyList<int> ids, int position, int vocabSize) =>
        (uint)ids[position] < (uint)vocabSize
            ? ids[position]
            : throw new ArgumentOutOfRangeException(nameof(ids), ids[position], $"Token id at position {position} must lie in [0, {vocabSize}).");
}
