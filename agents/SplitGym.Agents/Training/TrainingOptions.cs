namespace SplitGym.Agents.Training;

/// <summary>Run settings shared by every learning agent that do not change what is learned (except the seed).</summary>
public sealed record TrainingOptions
{
    /// <summary>
    /// Seeds everything: the network initialisation, action sampling, minibatch shuffles, exploration and
    /// the envs (sub-env i is reset with seed + i). Same seed ⇒ the same learning curve bit for bit on CPU.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Env name used in the run folder name.</summary>
    public string EnvName { get; init; } = "env";

    /// <summary>Folder under which a run folder <c>{env}__{algo}__{seed}__{time}</c> is created for CSV and TensorBoard logs; null: no files.</summary>
    public string? RunsFolder { get; init; }

    /// <summary>Also write TensorBoard event files into the run folder.</summary>
    public bool TensorBoard { get; init; } = true;

    /// <summary>Print SB3's metric table to this writer at every dump; null: silent.</summary>
    public TextWriter? Console { get; init; }

    /// <summary>
    /// Dump the logs every this many iterations (on-policy: rollouts; off-policy: episodes); null: the
    /// algorithm's SB3 default (PPO 1, A2C 100, DQN 4).
    /// </summary>
    public int? LogInterval { get; init; }
}
