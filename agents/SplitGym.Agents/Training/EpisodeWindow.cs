namespace SplitGym.Agents.Training;

/// <summary>
/// Returns and lengths of the most recent training episodes (SB3's <c>ep_info_buffer</c>, 100
/// episodes), from which <c>rollout/ep_rew_mean</c> and <c>rollout/ep_len_mean</c> are logged.
/// </summary>
public sealed class EpisodeWindow
{
    /// <summary>How many recent episodes the window keeps (SB3's <c>stats_window_size</c>).</summary>
    public const int Capacity = 100;

    private readonly Queue<(double Return, int Length)> _recent = new(Capacity);

    /// <summary>Episodes completed since training began.</summary>
    public long Completed { get; private set; }

    /// <summary>Number of episodes in the window (at most <see cref="Capacity"/>).</summary>
    public int Count => _recent.Count;

    /// <summary>Mean return of the episodes in the window (NaN when empty).</summary>
    public double MeanReturn => _recent.Count == 0 ? double.NaN : _recent.Average(e => e.Return);

    /// <summary>Mean length of the episodes in the window (NaN when empty).</summary>
    public double MeanLength => _recent.Count == 0 ? double.NaN : _recent.Average(e => (double)e.Length);

    /// <summary>Records a finished episode, dropping the oldest when full.</summary>
    public void Add(double episodeReturn, int length)
    {
        if (_recent.Count == Capacity) _recent.Dequeue();
        _recent.Enqueue((episodeReturn, length));
        Completed++;
    }

    /// <summary>The window's content, oldest first, for a checkpoint.</summary>
    public EpisodeWindowState Snapshot() =>
        new([.. _recent.Select(e => e.Return)], [.. _recent.Select(e => e.Length)], Completed);

    /// <summary>Replaces the content with a snapshot.</summary>
    public void Restore(EpisodeWindowState state)
    {
        if (state.Returns.Length != state.Lengths.Length || state.Returns.Length > Capacity)
            throw new InvalidDataException($"Episode window state has {state.Returns.Length} returns and {state.Lengths.Length} lengths; expected equal counts of at most {Capacity}.");
        _recent.Clear();
        for (int i = 0; i < state.Returns.Length; i++) _recent.Enqueue((state.Returns[i], state.Lengths[i]));
        Completed = state.Completed;
    }
}

/// <summary>Serialisable content of an <see cref="EpisodeWindow"/>.</summary>
/// <param name="Returns">Returns, oldest first.</param>
/// <param name="Lengths">Lengths in steps, oldest first.</param>
/// <param name="Completed">Episodes completed since training began.</param>
public sealed record EpisodeWindowState(double[] Returns, int[] Lengths, long Completed);
