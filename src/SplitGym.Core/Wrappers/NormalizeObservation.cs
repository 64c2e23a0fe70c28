using SplitGym.Core.Spaces;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// Normalises float32 observations to roughly zero mean and unit variance per coordinate with a
/// running estimate, as Gymnasium's <c>NormalizeObservation</c>: obs ← (obs − mean) / sqrt(var + ε).
/// Set <see cref="UpdateRunningMean"/> to false to freeze the statistics (e.g. for evaluation).
/// The observation space becomes unbounded. Works on both paths (in place on the array path).
/// </summary>
public sealed class NormalizeObservation<TAct> : ArrayPathWrapper<float[], TAct>
{
    private readonly double _epsilon;
    private readonly Box<float> _space;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="epsilon"/> keeps the division away from zero.</summary>
    public NormalizeObservation(Env<float[], TAct> inner, double epsilon = 1e-8) : base(inner)
    {
        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be strictly positive.");
        }
        _epsilon = epsilon;
        var shape = inner.ObservationSpace.Shape?.ToArray()
            ?? throw new ArgumentException($"NormalizeObservation needs an observation space with a shape, got {inner.ObservationSpace}.", nameof(inner));
        _space = new Box<float>(float.NegativeInfinity, float.PositiveInfinity, shape);
        Statistics = new RunningMeanStd(_space.Size);
    }

    /// <summary>The running statistics of the raw observations.</summary>
    public RunningMeanStd Statistics { get; }

    /// <summary>Whether new observations update <see cref="Statistics"/> (false freezes them).</summary>
    public bool UpdateRunningMean { get; set; } = true;

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace => _space;

    /// <inheritdoc />
    public override Box<float> ArrayObservationSpace => _space;

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        var result = Inner.Reset(seed, options);
        return result with { Observation = Normalized(result.Observation) };
    }

    /// <inheritdoc />
    public override StepResult<float[]> Step(TAct action)
    {
        var result = Inner.Step(action);
        return result with { Observation = Normalized(result.Observation) };
    }

    /// <inheritdoc />
    public override void ResetInto(int? seed, Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options = null)
    {
        InnerArray.ResetInto(seed, observation, info, options);
        NormalizeInPlace(observation);
    }

    /// <inheritdoc />
    public override StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info)
    {
        var outcome = InnerArray.StepInto(action, observation, info);
        NormalizeInPlace(observation);
        return outcome;
    }

    private float[] Normalized(float[] observation)
    {
        var copy = (float[])observation.Clone();
        NormalizeInPlace(copy);
        return copy;
    }

    private void NormalizeInPlace(Span<float> observation)
    {
        if (UpdateRunningMean)
        {
            Statistics.Update(observation);
        }
        for (var i = 0; i < observation.Length; i++)
        {
            observation[i] = (float)Statistics.Normalize(i, observation[i], _epsilon);
        }
    }
}
