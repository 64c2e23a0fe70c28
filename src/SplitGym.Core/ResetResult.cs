namespace SplitGym.Core;

/// <summary>What <c>Reset</c> returns: the first observation of the episode and its info; deconstructs as <c>var (obs, info) = env.Reset()</c>.</summary>
/// <typeparam name="TObs">The observation type.</typeparam>
/// <param name="Observation">The initial observation.</param>
/// <param name="Info">Auxiliary diagnostics.</param>
public readonly record struct ResetResult<TObs>(TObs Observation, Info Info);
