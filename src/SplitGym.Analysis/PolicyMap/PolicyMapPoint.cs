namespace SplitGym.Analysis;

/// <summary>
/// Where a trained agent leaves the split for one fixed channel (one point of the paper's Fig. 7).
/// </summary>
/// <param name="Sigma">Noise intensity σ of the channel, in the backend's noise units (hidden-state units by default).</param>
/// <param name="Shape">Nakagami shape m of the channel (dimensionless; 1 is Rayleigh).</param>
/// <param name="StartSplit">The split the episode started from (layers on the UE).</param>
/// <param name="ChosenSplit">The split the agent settled on (layers on the UE).</param>
/// <param name="OracleSplit">The best split p* for this channel, for reference (layers on the UE).</param>
/// <param name="Settled">True when the agent chose to stay put (the split stopped moving) within the step budget; false when it was still moving.</param>
public sealed record PolicyMapPoint(double Sigma, double Shape, int StartSplit, int ChosenSplit, int OracleSplit, bool Settled);
