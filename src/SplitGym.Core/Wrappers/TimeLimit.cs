namespace SplitGym.Core.Wrappers;

/// <summary>
/// Truncates episodes after a fixed number of steps, as Gymnasium's <c>TimeLimit</c>: the step
/// that reaches <see cref="MaxEpisodeSteps"/> returns <c>truncated = true</c> (termination is left
/// as the env reported it). Works on both the single-env and the array path.
/// </summary>
public sealed class TimeLimit<TObs, TAct> : ArrayPathWrapper<TObs, TAct>
{
    private int _elapsedSteps;

    /// <summary>Limits <paramref name="inner"/> to <paramref name="maxEpisodeSteps"/> steps per episode.</summary>
    public TimeLimit(Env<TObs, TAct> inner, int maxEpisodeSteps) : base(inner)
    {
        if (maxEpisodeSteps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpisodeSteps), maxEpisodeSteps, "The episode step limit must be a positive integer.");
        }
        MaxEpisodeSteps = maxEpisodeSteps;
    }

    /// <summary>The number of steps after which an episode is truncated.</summary>
    public int MaxEpisodeSteps { get; }

    /// <summary>Steps taken in the current episode.</summary>
    public int ElapsedSteps => _elapsedSteps;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        _elapsedSteps = 0;
        return Inner.Reset(seed, options);
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        var result = Inner.Step(action);
        return CountStep() ? result with { Truncated = true } : result;
    }

    /// <inheritdoc />
    public override void ResetInto(int? seed, Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options = null)
    {
        _elapsedSteps = 0;
        InnerArray.ResetInto(seed, observation, info, options);
    }

    /// <inheritdoc />
    public override StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info)
    {
        var outcome = InnerArray.StepInto(action, observation, info);
        return CountStep() ? outcome with { Truncated = true } : outcome;
    }

    private bool CountStep() => ++_elapsedSteps >= MaxEpisodeSteps;
}
