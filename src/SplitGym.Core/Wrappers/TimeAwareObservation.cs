using SplitGym.Core.Spaces;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// Appends the time step to a float32 vector observation, as Gymnasium's <c>TimeAwareObservation</c>
/// (flattened form): the number of steps taken in the episode, or that number divided by the episode
/// limit when <c>normalizeTime</c> is set, so that a policy can tell a time-out from a terminal state.
/// </summary>
public sealed class TimeAwareObservation<TAct> : ObservationWrapper<float[], float[], TAct>
{
    private readonly Box<float> _space;
    private readonly bool _normalizeTime;
    private int _timesteps;

    /// <summary>
    /// Wraps <paramref name="inner"/>; the episode limit is <paramref name="maxTimesteps"/>, or the
    /// spec's <c>MaxEpisodeSteps</c> when omitted.
    /// </summary>
    public TimeAwareObservation(Env<float[], TAct> inner, bool normalizeTime = false, int? maxTimesteps = null) : base(inner)
    {
        MaxTimesteps = maxTimesteps ?? inner.Spec?.MaxEpisodeSteps
            ?? throw new ArgumentException("TimeAwareObservation needs the episode limit: pass maxTimesteps or wrap an env made with a MaxEpisodeSteps spec.", nameof(maxTimesteps));
        _normalizeTime = normalizeTime;
        var box = inner.ObservationSpace as Box<float>
            ?? throw new ArgumentException($"TimeAwareObservation needs a Box<float> observation space, got {inner.ObservationSpace}.", nameof(inner));
        _space = new Box<float>([.. box.Low, 0f], [.. box.High, normalizeTime ? 1f : MaxTimesteps]);
    }

    /// <summary>The episode step limit the time is measured against.</summary>
    public int MaxTimesteps { get; }

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace => _space;

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        _timesteps = 0;
        return base.Reset(seed, options);
    }

    /// <inheritdoc />
    public override StepResult<float[]> Step(TAct action)
    {
        _timesteps++;
        return base.Step(action);
    }

    /// <inheritdoc />
    protected override float[] Observation(float[] observation)
    {
        float time = _normalizeTime ? (float)_timesteps / MaxTimesteps : _timesteps;
        return [.. observation, time];
    }
}
