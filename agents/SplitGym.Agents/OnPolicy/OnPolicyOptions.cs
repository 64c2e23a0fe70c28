using SplitGym.Agents.Networks;

namespace SplitGym.Agents.OnPolicy;

/// <summary>
/// Hyperparameters shared by the on-policy algorithms. Defaults are SB3's PPO defaults;
/// <see cref="A2cOptions"/> overrides them with A2C's.
/// </summary>
public record OnPolicyOptions
{
    /// <summary>Optimizer learning rate (PPO 3e-4).</summary>
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Anneal the learning rate linearly to 0 over the run (SB3's linear schedule; CleanRL's <c>anneal_lr</c>). Off by default, as SB3.</summary>
    public bool AnnealLearningRate { get; init; }

    /// <summary>Steps collected per sub-env per rollout; a rollout has NSteps × numEnvs transitions (PPO 2048).</summary>
    public int NSteps { get; init; } = 2048;

    /// <summary>Discount factor γ (0.99).</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>GAE λ, the bias/variance trade-off of the advantage estimate (PPO 0.95; 1 is Monte-Carlo-like).</summary>
    public double GaeLambda { get; init; } = 0.95;

    /// <summary>Weight of the entropy bonus in the loss (0).</summary>
    public double EntCoef { get; init; }

    /// <summary>Weight of the value loss in the loss (0.5).</summary>
    public double VfCoef { get; init; } = 0.5;

    /// <summary>Clip the global gradient norm to this value (0.5).</summary>
    public double MaxGradNorm { get; init; } = 0.5;

    /// <summary>Normalise advantages to zero mean and unit std (per minibatch for PPO; PPO true).</summary>
    public bool NormalizeAdvantage { get; init; } = true;

    /// <summary>Policy and value network architecture (separate 64-64 tanh MLPs).</summary>
    public NetworkOptions Network { get; init; } = new();

    /// <summary>Checks the values and throws naming the bad one.</summary>
    public virtual void Validate()
    {
        Require(LearningRate > 0, nameof(LearningRate), LearningRate, "> 0");
        Require(NSteps > 0, nameof(NSteps), NSteps, "> 0");
        Require(Gamma is > 0 and <= 1, nameof(Gamma), Gamma, "in (0, 1]");
        Require(GaeLambda is >= 0 and <= 1, nameof(GaeLambda), GaeLambda, "in [0, 1]");
        Require(MaxGradNorm > 0, nameof(MaxGradNorm), MaxGradNorm, "> 0");
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/> unless <paramref name="ok"/>.</summary>
    protected static void Require(bool ok, string name, object value, string expected)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"{name} must be {expected}; got {value}.");
    }
}
