using SplitGym.Core.Registration;
using SplitGym.Core.Spaces;

namespace SplitGym.Core;

/// <summary>
/// The type-erased view of an environment: what the registry, the vector envs and the checker
/// need without knowing the observation and action types. Implemented by <see cref="Env{TObs, TAct}"/>.
/// </summary>
public interface IEnv : IDisposable
{
    /// <summary>The untyped action space.</summary>
    Space ActionSpace { get; }

    /// <summary>The untyped observation space.</summary>
    Space ObservationSpace { get; }

    /// <summary>Render modes and frame rate the environment supports.</summary>
    EnvMetadata Metadata { get; }

    /// <summary>The render mode chosen at construction (null: no rendering).</summary>
    string? RenderMode { get; }

    /// <summary>The registration this environment was made from (null when constructed directly).</summary>
    EnvSpec? Spec { get; set; }

    /// <summary>The innermost environment beneath all wrappers.</summary>
    IEnv Unwrapped { get; }

    /// <summary>The environment's random generator (a wrapper forwards its inner env's).</summary>
    Rng NpRandom { get; }

    /// <summary>The seed the generator was last seeded with (null while it runs on an entropy seed).</summary>
    int? NpRandomSeed { get; }

    /// <summary>A frame in the fixed render mode: a string for "ansi"; null when not rendering.</summary>
    object? Render();

    /// <summary>Releases resources; must be safe to call more than once.</summary>
    void Close();
}
