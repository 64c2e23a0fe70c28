using SplitGym.Llm.Channels;
using SplitGym.Llm.Model;
using static TorchSharp.torch;

namespace SplitGym.Llm.Split;

/// <summary>
/// Runs a causal LM split at layer p with a channel in between: the UE computes the embedding and
/// decoder layers [0, p) and transmits the residual stream y [batch, tokens, hidden]; the channel turns
/// it into ŷ; the edge server runs layers [p, L), the final norm and the LM head. p ranges over [0, L]
/// (p = 0 sends the embeddings, p = L sends the last residual stream before the final norm).
/// The halves are exposed separately so that calibration sweeps can compute the clean UE side once and
/// reuse it for many channel draws, or advance it layer by layer across split points.
/// Gradients are not needed for inference: callers should run under <c>torch.no_grad()</c>.
/// </summary>
public sealed class SplitRunner
{
    /// <summary>Wraps <paramref name="model"/> (not owned; the caller disposes it).</summary>
    public SplitRunner(LlamaForCausalLM model)
    {
        Model = model;
    }

    /// <summary>The model being split.</summary>
    public LlamaForCausalLM Model { get; }

    /// <summary>Number of decoder layers L; valid split points are 0..L.</summary>
    public int LayerCount => Model.LayerCount;

    /// <summary>UE side: ids [batch, tokens] → transmitted hidden state y after layers [0, <paramref name="split"/>).</summary>
    public Tensor RunUe(Tensor inputIds, int split)
    {
        RequireSplit(split);
        using var scope = NewDisposeScope();
        return Model.RunLayers(Model.Embed(inputIds), 0, split).MoveToOuterDisposeScope();
    }

    /// <summary>Moves a clean UE hidden state from split <paramref name="from"/> to split <paramref name="to"/> (runs layers [from, to)).</summary>
    public Tensor AdvanceUe(Tensor hidden, int from, int to)
    {
        RequireSplit(from);
        RequireSplit(to);
        return Model.RunLayers(hidden, from, to);
    }

    /// <summary>Edge side: received hidden state ŷ at split <paramref name="split"/> → logits [batch, tokens, vocab].</summary>
    public Tensor RunEdge(Tensor received, int split)
    {
        RequireSplit(split);
        using var scope = NewDisposeScope();
        return Model.Head(Model.RunLayers(received, split, LayerCount)).MoveToOuterDisposeScope();
    }

    /// <summary>Whole split pipeline: UE side, channel, edge side.</summary>
    public Tensor Forward(Tensor inputIds, int split, IChannel channel, Generator generator)
    {
        using var scope = NewDisposeScope();
        var transmitted = RunUe(inputIds, split);
        return RunEdge(channel.Apply(transmitted, generator), split).MoveToOuterDisposeScope();
    }

    /// <summary>Bytes the UE sends for <paramref name="tokens"/> tokens when each hidden value is stored as <paramref name="dtype"/> (e.g. Float16: 2 bytes per value).</summary>
    public long HiddenStateBytes(long tokens, ScalarType dtype) =>
        tokens * Model.Config.HiddenSize * ElementSize(dtype);

    /// <summary>Bytes the UE sends for <paramref name="tokens"/> tokens after <paramref name="quantization"/> (packed codes plus per-token scales).</summary>
    public long HiddenStateBytes(long tokens, QuantizationChannel quantization) =>
        quantization.PayloadBytes(tokens, Model.Config.HiddenSize);

    private static long ElementSize(ScalarType dtype)
    {
        using var probe = empty(0, dtype);
        return probe.ElementSize;
    }

    private void RequireSplit(int split)
    {
        if (split < 0 || split > LayerCount)
            throw new ArgumentOutOfRangeException(nameof(split), split, $"Split point must lie in [0, {LayerCount}] (number of decoder layers on the UE).");
    }
}
