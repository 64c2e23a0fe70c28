namespace SplitGym.Agents.ModelBased;

/// <summary>Hidden-layer nonlinearity of a surrogate network.</summary>
public enum SurrogateActivation
{
    /// <summary>tanh: smooth, which suits a smooth perplexity surface (SplitGym's ensemble).</summary>
    Tanh,

    /// <summary>ReLU: the common MLP default (the paper-style baseline).</summary>
    Relu,
}
