namespace SplitGym.Agents.ModelBased;

/// <summary>
/// How a <see cref="NetworkSurrogate"/> is built and fitted. <see cref="Ensemble"/> is SplitGym's default;
/// <see cref="Paper"/> reproduces the paper's reward surrogate (one MLP on raw inputs).
/// </summary>
public sealed record SurrogateOptions
{
    /// <summary>Name in logs and reports.</summary>
    public string Name { get; init; } = "ensemble";

    /// <summary>Networks in the ensemble (≥ 1); the spread of their predictions is the uncertainty (0 for one network).</summary>
    public int Members { get; init; } = 5;

    /// <summary>Hidden layer widths of each network.</summary>
    public int[] Hidden { get; init; } = [32, 32];

    /// <summary>Hidden nonlinearity.</summary>
    public SurrogateActivation Activation { get; init; } = SurrogateActivation.Tanh;

    /// <summary>Map inputs to [−1, 1]³ (split cell, σ, log m over the env's region); false feeds raw (p, σ, m).</summary>
    public bool NormaliseInputs { get; init; } = true;

    /// <summary>Regress log perplexity (true) or perplexity itself (false).</summary>
    public bool LogTarget { get; init; } = true;

    /// <summary>Standardise the regression target to zero mean and unit variance over the data.</summary>
    public bool StandardiseTarget { get; init; } = true;

    /// <summary>Fit each member on its own bootstrap resample of the data (so members disagree where data are thin).</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Full-batch Adam steps per fit.</summary>
    public int Epochs { get; init; } = 1500;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>L2 penalty on all weights, per weight, added to the mean squared error.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>SplitGym's default: 5 tanh 32-32 networks on normalised inputs, bootstrapped, predicting standardised log perplexity.</summary>
    public static SurrogateOptions Ensemble { get; } = new();

    /// <summary>
    /// The paper's reward surrogate as a reproducible baseline: one ReLU 64-64 MLP on the raw inputs
    /// (p, σ, m) regressing raw perplexity with mean squared error (Adam 1e-3, 3,000 full-batch steps, no
    /// weight decay); it reports no uncertainty.
    /// </summary>
    public static SurrogateOptions Paper { get; } = new()
    {
        Name = "paper-mlp", Members = 1, Hidden = [64, 64], Activation = SurrogateActivation.Relu, NormaliseInputs = false,
        LogTarget = false, StandardiseTarget = false, Bootstrap = false, Epochs = 3000, LearningRate = 1e-3, WeightDecay = 0,
    };

    /// <summary>Throws naming the first invalid value.</summary>
    public SurrogateOptions Validated()
    {
        OptionCheck.Require(Members >= 1, "Surrogate", nameof(Members), Members, "≥ 1");
        OptionCheck.Require(Hidden.Length > 0 && Hidden.All(w => w > 0), "Surrogate", nameof(Hidden), $"[{string.Join(", ", Hidden)}]", "non-empty positive widths");
        OptionCheck.Require(Epochs >= 1, "Surrogate", nameof(Epochs), Epochs, "≥ 1");
        OptionCheck.Require(LearningRate > 0 && double.IsFinite(LearningRate), "Surrogate", nameof(LearningRate), LearningRate, "finite and > 0");
        OptionCheck.Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), "Surrogate", nameof(WeightDecay), WeightDecay, "finite and ≥ 0");
        return this;
    }
}
