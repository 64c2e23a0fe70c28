namespace SplitGym.Agents.Networks;

/// <summary>Architecture of the MLPs an agent builds.</summary>
public sealed record NetworkOptions
{
    /// <summary>Hidden layer widths (SB3's <c>net_arch</c>); default 64-64 for every algorithm, as SB3.</summary>
    public int[] Hidden { get; init; } = [64, 64];

    /// <summary>
    /// Rescale every observation dimension with finite bounds of width below 10⁶ affinely to [−1, 1]
    /// before the first layer (unbounded dimensions pass unchanged). Not an SB3 default: the
    /// split-inference observation [σ, m, p] mixes scales of 0.01 and 30, which tanh networks learn
    /// poorly from; CartPole's unbounded velocities are untouched.
    /// </summary>
    public bool ScaleObservations { get; init; } = true;
}
