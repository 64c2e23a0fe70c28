namespace SplitGym.Envs.Channel;

/// <summary>
/// The wireless channel as the agent sees it: noise intensity <see cref="Sigma"/> (σ, in the units
/// of the backend's noise scale, by default hidden-state units; the erasure probability q for the
/// erasure variant) and the Nakagami shape <see cref="Shape"/> (m, dimensionless; 1 is Rayleigh,
/// large is no fading).
/// </summary>
/// <param name="Sigma">Noise intensity σ ≥ 0.</param>
/// <param name="Shape">Nakagami shape m &gt; 0.</param>
public readonly record struct ChannelState(double Sigma, double Shape);
