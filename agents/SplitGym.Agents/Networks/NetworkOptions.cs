namespace SplitGym.Agents.Networks;

/// <summary>Architecture of the MLPs an agent builds.</summary>
public sealed record NetworkOptions
{
    /// <summary>Hidden layer widths (SB3's <c>net_arch</c>); default 64-64 for every algorithm, as SB3.</summary>
    public int[] Hidden { get; init; } = [64, 64];

    /// <summary>
    /// Rescale every observation dimension with finite bounds of width below 10⁶ affinely to [−1, 1]
    /// before the first layer (unbounded dimensions pass unchanged). On by default, SplitGym's one deliberate
    /// departure from SB3's defaults: the split-inference observation [σ, m, p] mixes scales of 0.01 and 30,
    /// which tanh networks learn poorly from; CartPole's unbounded velocities are untouched. The benchmark
    /// and README figures were measured with it on. Set it to false for SB3's exact behaviour (raw observations
    /// into the first layer).
    /// </summary>
    public bool ScaleObservations { get; init; } = true;
}
