using SplitGym.Core.Spaces;

namespace SplitGym.Core;

/// <summary>
/// The allocation-free path of an environment with a float32 <see cref="Box{T}"/> observation
/// and a <see cref="Discrete"/> action: observations are written into caller-owned spans and info
/// into a reusable <see cref="InfoBuffer"/>. Vector envs use this path so that a step allocates nothing.
/// </summary>
public interface IArrayEnv : IEnv
{
    /// <summary>
    /// Whether the array path works for this object. Always true for <see cref="ArrayEnv"/>; a
    /// wrapper is array-capable only when the env it wraps is.
    /// </summary>
    bool ArrayPathAvailable { get; }

    /// <summary>The observation space (float32 box).</summary>
    Box<float> ArrayObservationSpace { get; }

    /// <summary>The action space.</summary>
    Discrete ArrayActionSpace { get; }

    /// <summary>The names of the scalar info values this env (and its wrappers) may write.</summary>
    IReadOnlyList<string> InfoKeys { get; }

    /// <summary>Starts an episode, writing the first observation into <paramref name="observation"/> (length = box size).</summary>
    /// <param name="seed">Seed for the env's generator, or null to keep its state.</param>
    /// <param name="observation">Destination of the observation.</param>
    /// <param name="info">Buffer built from <see cref="InfoKeys"/>; cleared, then filled.</param>
    /// <param name="options">Environment-specific reset options (may be null).</param>
    void ResetInto(int? seed, Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options = null);

    /// <summary>Applies <paramref name="action"/>, writing the next observation and info into the buffers.</summary>
    StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info);
}
