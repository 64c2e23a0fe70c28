namespace SplitGym.Core;

/// <summary>
/// A snapshot of an <see cref="Rng"/>'s 256-bit xoshiro state. Value equality lets the
/// environment checker compare generators, as Gymnasium compares <c>bit_generator.state</c>.
/// </summary>
public readonly record struct RngState(ulong S0, ulong S1, ulong S2, ulong S3);
