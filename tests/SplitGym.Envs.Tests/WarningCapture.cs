using System.Collections.Concurrent;
using SplitGym.Core;

namespace SplitGym.Envs.Tests;

/// <summary>Collects <see cref="EnvWarnings"/> while an action runs; the filter keeps other tests' concurrent warnings out.</summary>
internal static class WarningCapture
{
    /// <summary>The warnings that <paramref name="relevant"/> accepts, emitted while <paramref name="action"/> runs.</summary>
    public static List<string> During(Func<string, bool> relevant, Action action)
    {
        var seen = new ConcurrentQueue<string>();
        void Handler(string message) { if (relevant(message)) seen.Enqueue(message); }
        EnvWarnings.Emitted += Handler;
        try { action(); }
        finally { EnvWarnings.Emitted -= Handler; }
        return [.. seen];
    }
}
