using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Model;
using SplitGym.Llm.Tests.Reference;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Split;

/// <summary>
/// A tiny random LLaMA written by the test itself as a Hugging Face checkpoint (hand-written
/// config.json, independent safetensors writer), loaded with the library's loader, plus evaluation
/// text sampled from that model so that any corruption of its hidden state raises the perplexity
/// in expectation (cross-entropy against the model's own distribution is smallest for the model).
/// </summary>
public sealed class HuggingFaceCheckpointFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public HuggingFaceCheckpointFixture()
    {
        Spec.WriteCheckpoint(_directory.Path, Spec.RandomWeights(seed: 13));
        Model = Checkpoint.Load(_directory.Path);
        Text = SampleText(length: 160, context: 16, seed: 3);
    }

    public TinyLlamaSpec Spec { get; } = new(Layers: 3, KvHeads: 2, Vocab: 37);

    public LlamaForCausalLM Model { get; }

    /// <summary>Token ids drawn from the model itself.</summary>
    public int[] Text { get; }

    /// <summary>Two 16-token sequences of <see cref="Text"/> as ids [2, 16].</summary>
    public Tensor Batch() => tensor(Text.Take(32).Select(id => (long)id).ToArray(), [2, 16]);

    public void Dispose()
    {
        Model.Dispose();
        _directory.Dispose();
    }

    private int[] SampleText(int length, int context, int seed)
    {
        var random = new Random(seed);
        var ids = new List<int> { random.Next(Spec.Vocab) };
        using var noGrad = no_grad();
        while (ids.Count < length)
        {
            using var scope = NewDisposeScope();
            var window = ids.TakeLast(context).Select(id => (long)id).ToArray();
            var logits = Model.forward(tensor(window, [1, window.Length]))[0, -1].to_type(ScalarType.Float64).data<double>().ToArray();
            ids.Add(Draw(logits, random));
        }
        return [.. ids];
    }

    private static int Draw(double[] logits, Random random)
    {
        var max = logits.Max();
        var weights = logits.Select(logit => Math.Exp(logit - max)).ToArray();
        var threshold = random.NextDouble() * weights.Sum();
        for (var id = 0; id < weights.Length; id++)
            if ((threshold -= weights[id]) <= 0) return id;
        return weights.Length - 1;
    }
}
