using SplitGym.Agents.Networks;

namespace SplitGym.Agents.OffPolicy;

/// <summary>Hyperparameters shared by replay-based algorithms, with SB3's DQN defaults.</summary>
public record OffPolicyOptions
{
    /// <summary>Optimizer (Adam, ε 1e-8) learning rate (1e-4).</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Replay buffer capacity in transitions (1,000,000); the oldest are overwritten.</summary>
    public int BufferSize { get; init; } = 1_000_000;

    /// <summary>Env steps of uniformly random actions before learning starts (100).</summary>
    public int LearningStarts { get; init; } = 100;

    /// <summary>Transitions per gradient step (32).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Discount factor γ (0.99).</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>Train every this many vector steps (4; each vector step is numEnvs env steps).</summary>
    public int TrainFreq { get; init; } = 4;

    /// <summary>Gradient steps per training round (1).</summary>
    public int GradientSteps { get; init; } = 1;

    /// <summary>Clip the global gradient norm to this value (10).</summary>
    public double MaxGradNorm { get; init; } = 10;

    /// <summary>Network architecture (64-64).</summary>
    public NetworkOptions Network { get; init; } = new();

    /// <summary>Checks the values and throws naming the bad one.</summary>
    public virtual void Validate()
    {
        Require(LearningRate > 0, nameof(LearningRate), LearningRate, "> 0");
        Require(BufferSize > 0, nameof(BufferSize), BufferSize, "> 0");
        Require(LearningStarts >= 0, nameof(LearningStarts), LearningStarts, ">= 0");
        Require(BatchSize > 0, nameof(BatchSize), BatchSize, "> 0");
        Require(Gamma is > 0 and <= 1, nameof(Gamma), Gamma, "in (0, 1]");
        Require(TrainFreq > 0, nameof(TrainFreq), TrainFreq, "> 0");
        Require(GradientSteps > 0, nameof(GradientSteps), GradientSteps, "> 0");
        Require(MaxGradNorm > 0, nameof(MaxGradNorm), MaxGradNorm, "> 0");
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/> unless <paramref name="ok"/>.</summary>
    protected static void Require(bool ok, string name, object value, string expected)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"{name} must be {expected}; got {value}.");
    }
}
