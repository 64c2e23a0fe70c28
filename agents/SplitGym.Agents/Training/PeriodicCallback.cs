namespace SplitGym.Agents.Training;

/// <summary>A callback that acts at the first boundary after every multiple of <see cref="Every"/> env steps.</summary>
public abstract class PeriodicCallback : Callback
{
    private long _lastPeriod;

    /// <summary>Acts every <paramref name="every"/> env steps (positive).</summary>
    protected PeriodicCallback(long every)
    {
        if (every <= 0) throw new ArgumentOutOfRangeException(nameof(every), every, "The period in env steps must be positive.");
        Every = every;
    }

    /// <summary>The period in env steps.</summary>
    public long Every { get; }

    /// <inheritdoc />
    public override void OnTrainingStart(TrainingContext context) => _lastPeriod = context.NumTimesteps / Every;

    /// <inheritdoc />
    public sealed override bool OnBoundary(TrainingContext context)
    {
        long period = context.NumTimesteps / Every;
        if (period == _lastPeriod) return true;
        _lastPeriod = period;
        return OnPeriod(context);
    }

    /// <summary>Does the periodic work; return false to stop training.</summary>
    protected abstract bool OnPeriod(TrainingContext context);
}
