using SplitGym.Agents.Training;

namespace SplitGym.Agents;

/// <summary>
/// What every SplitGym agent offers, learning or not: choose an action for an observation, learn from
/// its environment for a number of steps, and save or restore itself. Observations are float32
/// vectors (a Box) and actions indices of a Discrete space.
/// </summary>
public interface IAgent : IDisposable
{
    /// <summary>The short algorithm name used in run folders and checkpoints (e.g. <c>PPO</c>).</summary>
    string Name { get; }

    /// <summary>Environment steps consumed by learning so far (summed over sub-envs).</summary>
    long NumTimesteps { get; }

    /// <summary>Chooses the action for one observation.</summary>
    /// <param name="observation">One observation, in the env's observation-space layout.</param>
    /// <param name="deterministic">True: the most likely (greedy) action; false: a sample from the policy (or ε-greedy).</param>
    /// <param name="actionMask">
    /// Optional mask, one entry per action, true where the action is allowed; empty means all allowed. Every
    /// agent returns an allowed action (learners: the best or a sample among the allowed; baselines: the allowed
    /// move nearest to their preferred one). Masks act only here, when a caller passes one: training rollouts
    /// and <see cref="Evaluation.Evaluator.Evaluate"/> act on the unmasked policy, because SplitGym's envs never
    /// forbid an action (the split env clips a move at the layer bounds) and an env's info carries scalars only,
    /// so it has no way to send a per-step mask. Learning under masks would also need the mask of each transition in the update (as sb3-contrib's
    /// MaskablePPO does), which SplitGym does not implement.
    /// </param>
    /// <exception cref="ArgumentException">The mask's length is not the number of actions, or it allows none.</exception>
    int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default);

    /// <summary>
    /// Learns until <see cref="NumTimesteps"/> reaches <paramref name="totalTimesteps"/> (an absolute
    /// target, so that a run resumed from a checkpoint with the same target continues the same schedules)
    /// or a callback stops it.
    /// </summary>
    void Learn(long totalTimesteps, IReadOnlyList<Callback>? callbacks = null);

    /// <summary>Writes a checkpoint folder at <paramref name="path"/> (atomically replaced).</summary>
    void Save(string path);

    /// <summary>
    /// Restores the state saved by <see cref="Save"/>; fails clearly when the checkpoint is damaged, of another
    /// format version, or made by a different configuration, and then leaves the agent unchanged (all or nothing).
    /// </summary>
    void Load(string path);
}
