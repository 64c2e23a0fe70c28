using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Model;

/// <summary>
/// A LLaMA-family causal language model with Hugging Face parameter names (<c>model.*</c> and
/// <c>lm_head.weight</c>, the latter absent when embeddings are tied). <see cref="forward"/> maps
/// input ids [batch, tokens] (int64) to next-token logits [batch, tokens, vocab]; the stage methods
/// (<see cref="Embed"/>, <see cref="RunLayers"/>, <see cref="Head"/>) let a split runner cut the
/// computation after any layer.
/// </summary>
public sealed class LlamaForCausalLM : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "model")]
    private readonly LlamaModel _model;
    [ComponentName(Name = "lm_head")]
    private readonly Linear? _lmHead;

    /// <summary>Builds the model and initialises it reproducibly (normal(0, initializer_range) for linear and embedding weights, ones for norms).</summary>
    /// <param name="config">Architecture; validated here.</param>
    /// <param name="seed">Seed of the initialisation; the same seed gives bit-identical weights.</param>
    public LlamaForCausalLM(LlamaConfig config, long seed = 0) : base(nameof(LlamaForCausalLM))
    {
        config.Validate();
        Config = config;
        _model = new LlamaModel(config);
        if (!config.TieWordEmbeddings)
        {
            _lmHead = nn.Linear(config.HiddenSize, config.VocabSize, hasBias: false);
        }
        RegisterComponents();
        Initialise(seed);
    }

    /// <summary>The architecture this model was built from.</summary>
    public LlamaConfig Config { get; }

    /// <summary>Number of decoder layers L.</summary>
    public int LayerCount => _model.LayerCount;

    /// <summary>UE-side first stage: ids [batch, tokens] → residual stream [batch, tokens, hidden].</summary>
    public Tensor Embed(Tensor inputIds) => _model.Embed(inputIds);

    /// <summary>Runs decoder layers [<paramref name="start"/>, <paramref name="end"/>) on the residual stream.</summary>
    public Tensor RunLayers(Tensor hidden, int start, int end) => _model.RunLayers(hidden, start, end);

    /// <summary>Edge-side last stage: final norm and LM head, residual stream → logits [batch, tokens, vocab].</summary>
    public Tensor Head(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        var normalised = _model.Normalize(hidden);
        var logits = _lmHead is null ? nn.functional.linear(normalised, _model.EmbeddingWeight) : _lmHead.forward(normalised);
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>Unsplit forward pass: ids [batch, tokens] (int64) → logits [batch, tokens, vocab], causal.</summary>
    public override Tensor forward(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        return Head(RunLayers(Embed(inputIds), 0, LayerCount)).MoveToOuterDisposeScope();
    }

    private void Initialise(long seed)
    {
        using var noGrad = no_grad();
        using var generator = new Generator((ulong)seed);
        using Scalar one = 1.0;
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal)) parameter.fill_(one);
            else parameter.normal_(0.0, Config.InitializerRange, generator);
        }
    }
}
