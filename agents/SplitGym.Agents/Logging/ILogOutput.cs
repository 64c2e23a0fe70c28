namespace SplitGym.Agents.Logging;

/// <summary>A destination of logged metrics (stdout table, CSV, TensorBoard events).</summary>
public interface ILogOutput : IDisposable
{
    /// <summary>Writes one dump: metric names (SB3's <c>group/name</c>) and values at env step <paramref name="step"/>.</summary>
    void Write(IReadOnlyDictionary<string, double> values, long step);
}
