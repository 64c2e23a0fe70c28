namespace SplitGym.Agents.Logging;

/// <summary>
/// Collects metrics under SB3's names (<c>rollout/ep_rew_mean</c>, <c>train/approx_kl</c>, …) and
/// writes them to its outputs at each <see cref="Dump"/>; keeps every dump in <see cref="History"/>
/// so learning curves can be compared in code.
/// </summary>
public sealed class Logger : IDisposable
{
    private readonly List<ILogOutput> _outputs = [];
    private readonly SortedDictionary<string, double> _pending = new(StringComparer.Ordinal);
    private readonly List<LogRecord> _history = [];

    /// <summary>Every dump so far, in order.</summary>
    public IReadOnlyList<LogRecord> History => _history;

    /// <summary>The folder the file outputs write to (null when logging to memory/stdout only).</summary>
    public string? RunFolder { get; private set; }

    /// <summary>Adds an output.</summary>
    public void AddOutput(ILogOutput output) => _outputs.Add(output);

    /// <summary>Opens CSV (<c>progress.csv</c>) and, optionally, TensorBoard outputs in <paramref name="runFolder"/>.</summary>
    public void OpenRunFolder(string runFolder, bool tensorBoard)
    {
        Directory.CreateDirectory(runFolder);
        RunFolder = runFolder;
        AddOutput(new CsvOutput(Path.Combine(runFolder, CsvOutput.FileName)));
        if (tensorBoard) AddOutput(new TensorBoardOutput(runFolder));
    }

    /// <summary>Sets <paramref name="key"/> for the next dump (the last value recorded wins).</summary>
    public void Record(string key, double value) => _pending[key] = value;

    /// <summary>The values recorded since the last dump (saved in checkpoints so a resumed run logs the same curve).</summary>
    public Dictionary<string, double> Pending() => new(_pending, StringComparer.Ordinal);

    /// <summary>Replaces the values recorded since the last dump with <paramref name="pending"/>.</summary>
    public void RestorePending(IReadOnlyDictionary<string, double> pending)
    {
        _pending.Clear();
        foreach (var (key, value) in pending) _pending[key] = value;
    }

    /// <summary>Writes the pending values at env step <paramref name="step"/> to every output and clears them.</summary>
    public void Dump(long step)
    {
        if (_pending.Count == 0) return;
        var values = new SortedDictionary<string, double>(_pending, StringComparer.Ordinal);
        _history.Add(new LogRecord(step, values));
        foreach (var output in _outputs) output.Write(values, step);
        _pending.Clear();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var output in _outputs) output.Dispose();
        _outputs.Clear();
    }
}
