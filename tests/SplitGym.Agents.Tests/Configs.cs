using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;

namespace SplitGym.Agents.Tests;

/// <summary>Small-budget hyperparameters for the tests (CleanRL-style for CartPole; SB3 defaults elsewhere).</summary>
internal static class Configs
{
    public static PpoOptions Ppo => new() { NSteps = 128, BatchSize = 256, NEpochs = 4, LearningRate = 2.5e-4, AnnealLearningRate = true, EntCoef = 0.01 };

    public static PpoOptions PpoTiny => new() { NSteps = 32, BatchSize = 32, NEpochs = 2 };

    public static A2cOptions A2c => new();

    public static DqnOptions Dqn => new()
    {
        LearningRate = 1e-3, BufferSize = 20_000, LearningStarts = 1_000, BatchSize = 64, TrainFreq = 1, GradientSteps = 1,
        TargetUpdateInterval = 500, ExplorationFraction = 0.2, ExplorationFinalEps = 0.02,
    };

    public static DqnOptions DqnTiny => new() { BufferSize = 1_000, LearningStarts = 64, BatchSize = 16, TargetUpdateInterval = 100 };
}
