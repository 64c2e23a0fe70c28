namespace SplitGym.Llm.Training;

/// <summary>
/// The context-free baseline: each byte predicted by its frequency in the training text (add-one
/// smoothed over all 256 values). A language model is only worth its compute if it is far below
/// this model's perplexity on the same text.
/// </summary>
public sealed class UnigramByteModel
{
    private readonly double[] _logProbability = new double[256];

    /// <summary>Fits the byte frequencies of <paramref name="training"/>.</summary>
    public UnigramByteModel(byte[] training)
    {
        var counts = new long[256];
        foreach (var b in training) counts[b]++;
        var total = training.LongLength + 256.0;
        for (var i = 0; i < 256; i++) _logProbability[i] = Math.Log((counts[i] + 1) / total);
    }

    /// <summary>
    /// NLL of the bytes of <paramref name="text"/> from index 1 on (the same positions a causal model
    /// scores, since byte 0 has no context).
    /// </summary>
    public LossMeasurement Measure(byte[] text)
    {
        var total = 0.0;
        for (var i = 1; i < text.Length; i++) total -= _logProbability[text[i]];
        return new LossMeasurement(total, Math.Max(text.Length - 1, 0));
    }
}
