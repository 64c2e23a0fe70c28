using SplitGym.Agents;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using SplitGym.Core.Vector;

namespace SplitGym.Benchmarks.Agents;

/// <summary>The hyperparameters of the agent benchmarks (documented in docs/benchmarks.md (agents section)).</summary>
public static class AgentBenchmarkConfigs
{
    /// <summary>Sub-envs of every benchmark run.</summary>
    public const int NumEnvs = 8;

    /// <summary>
    /// SB3's PPO defaults (minibatch 64, 10 epochs, lr 3e-4) with 256 steps × 8 envs per rollout, the learning rate
    /// annealed to 0 and an entropy bonus of 0.03. With 0.01, 2 of 5 seeds on case A, K = 1 settle on "always go deep"
    /// (score 0.886); 0.03 keeps exploring long enough to find the shallow split at low σ (tuning table in docs/benchmarks.md).
    /// </summary>
    public static PpoOptions Ppo => new() { NSteps = 256, AnnealLearningRate = true, EntCoef = 0.03 };

    /// <summary>DQN with a faster schedule than SB3's Atari-minded defaults: lr 5e-4, 100k buffer, 1k warm-up, batch 128, a gradient step every vector step, target copy every 1,000 env steps, ε → 0.02 over 20 %.</summary>
    public static DqnOptions Dqn => new()
    {
        LearningRate = 5e-4, BufferSize = 100_000, LearningStarts = 1_000, BatchSize = 128, TrainFreq = 1, GradientSteps = 1,
        TargetUpdateInterval = 1_000, ExplorationFraction = 0.2, ExplorationFinalEps = 0.02,
    };

    /// <summary>A2C exactly as Stable-Baselines3 ships it (RMSprop, lr 7e-4, 5 steps per env per update): the reference point, not tuned.</summary>
    public static A2cOptions A2c => new();

    /// <summary>The agent <paramref name="algorithm"/> (PPO, DQN or A2C) on <paramref name="env"/>.</summary>
    public static Algorithm Create(string algorithm, VectorEnv env, int seed) => algorithm switch
    {
        "PPO" => new Ppo(env, Ppo, new TrainingOptions { Seed = seed }),
        "DQN" => new Dqn(env, Dqn, new TrainingOptions { Seed = seed, LogInterval = 100 }),
        "A2C" => new A2c(env, A2c, new TrainingOptions { Seed = seed, LogInterval = 100 }),
        _ => throw new ArgumentException($"Unknown algorithm '{algorithm}'; expected PPO, DQN or A2C.", nameof(algorithm)),
    };
}
