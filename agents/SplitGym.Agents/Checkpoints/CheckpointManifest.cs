using System.Text.Json.Nodes;

namespace SplitGym.Agents.Checkpoints;

/// <summary>
/// <c>agent.json</c>, the manifest of an agent checkpoint folder: what made it (algorithm,
/// hyperparameters, spaces, library versions), its training state, and the SHA-256 of every other file
/// so that corruption is detected before anything is loaded.
/// </summary>
public sealed record CheckpointManifest
{
    /// <summary>The format marker every manifest carries.</summary>
    public const string FormatName = "splitgym-agent";

    /// <summary>The format version this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Format version.</summary>
    public int FormatVersion { get; init; } = CurrentVersion;

    /// <summary>Algorithm name (PPO, A2C, DQN, …).</summary>
    public required string Algorithm { get; init; }

    /// <summary>Versions of SplitGym.Agents and TorchSharp that wrote the checkpoint.</summary>
    public required Dictionary<string, string> Versions { get; init; }

    /// <summary>The observation space (JSON form of the space).</summary>
    public required JsonNode ObservationSpace { get; init; }

    /// <summary>The action space (JSON form).</summary>
    public required JsonNode ActionSpace { get; init; }

    /// <summary>The algorithm's hyperparameters.</summary>
    public required JsonNode Hyperparameters { get; init; }

    /// <summary>The training state.</summary>
    public required AgentState State { get; init; }

    /// <summary>File name → lowercase hex SHA-256 of every other file in the folder.</summary>
    public required Dictionary<string, string> Files { get; init; }
}
