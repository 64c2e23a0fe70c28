namespace SplitGym.Analysis.Figures;

/// <summary>How an agent learns, which decides what its live-equivalent evaluations pay for.</summary>
public enum AgentFamily
{
    /// <summary>Learns from the env's rewards directly (PPO, DQN, A2C): every training step costs one real evaluation.</summary>
    ModelFree,

    /// <summary>Learns a reward model from real evaluations and trains its policy on the model (the paper's approach).</summary>
    ModelBased,
}
