using System.Globalization;
using SplitGym.Agents.Training;

namespace SplitGym.Agents.Tests;

/// <summary>
/// An agent whose every answer is set by the test: a fixed action, a step count, and checkpoints that are
/// a single file holding the action — so that callbacks can be driven boundary by boundary and their saves inspected.
/// </summary>
internal sealed class ScriptedAgent : IAgent
{
    public const string ActionFile = "action.txt";

    public string Name => "Scripted";

    public long NumTimesteps { get; set; }

    /// <summary>The action every <see cref="Predict"/> returns.</summary>
    public int Action { get; set; }

    public int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default) => Action;

    public void Learn(long totalTimesteps, IReadOnlyList<Callback>? callbacks = null) => throw new NotSupportedException("Drive the callbacks directly.");

    public void Save(string path)
    {
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, ActionFile), Action.ToString(CultureInfo.InvariantCulture));
    }

    public void Load(string path) => throw new NotSupportedException("Read the saved action file instead.");

    public void Dispose()
    {
    }

    /// <summary>The action saved in the checkpoint at <paramref name="path"/>.</summary>
    public static int SavedAction(string path) => int.Parse(File.ReadAllText(Path.Combine(path, ActionFile)), CultureInfo.InvariantCulture);
}
