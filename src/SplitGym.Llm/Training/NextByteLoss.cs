using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Training;

/// <summary>
/// The cheap periodic validation of training: clean next-byte loss over a fixed set of full windows
/// spread evenly over a text, every target scored, without gradients and one dispose scope per batch.
/// (Final metrics use the sliding-window <see cref="Perplexity.PerplexityEvaluator"/> instead.)
/// </summary>
public static class NextByteLoss
{
    /// <summary>Mean loss over <paramref name="count"/> windows of <paramref name="window"/> inputs evenly spaced over <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">The text is shorter than one window plus its last target.</exception>
    public static LossMeasurement EvenlySpaced(nn.Module<Tensor, Tensor> model, byte[] text, int window, int count, int batchSize)
    {
        if (text.Length < window + 1)
            throw new ArgumentException($"The validation text has {text.Length} bytes, fewer than one window of {window} + 1.", nameof(text));
        var last = text.Length - window - 1;
        var starts = Enumerable.Range(0, count).Select(i => count == 1 ? 0 : (long)i * last / (count - 1)).Distinct().ToArray();
        var total = new LossMeasurement(0, 0);
        using var noGrad = no_grad();
        foreach (var batch in starts.Chunk(batchSize))
            total += EvaluateBatch(model, text, batch, window);
        return total;
    }

    private static LossMeasurement EvaluateBatch(nn.Module<Tensor, Tensor> model, byte[] text, long[] starts, int window)
    {
        using var scope = NewDisposeScope();
        var inputs = new long[starts.Length * window];
        var targets = new long[starts.Length * window];
        for (var row = 0; row < starts.Length; row++)
            for (var i = 0; i < window; i++)
            {
                inputs[row * window + i] = text[starts[row] + i];
                targets[row * window + i] = text[starts[row] + i + 1];
            }
        var logits = model.forward(tensor(inputs, [starts.Length, window]));
        var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[^1]), tensor(targets), reduction: nn.Reduction.Sum);
        return new LossMeasurement(loss.to(ScalarType.Float64).item<double>(), targets.Length);
    }
}
