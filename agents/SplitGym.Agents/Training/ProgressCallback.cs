using System.Diagnostics;
using System.Globalization;

namespace SplitGym.Agents.Training;

/// <summary>Writes one progress line (steps, percentage, env steps per second, mean episode return) every <see cref="PeriodicCallback.Every"/> env steps.</summary>
/// <param name="every">Period in env steps.</param>
/// <param name="writer">Where the lines go.</param>
public sealed class ProgressCallback(long every, TextWriter writer) : PeriodicCallback(every)
{
    private readonly Stopwatch _clock = new();
    private long _startSteps;

    /// <inheritdoc />
    public override void OnTrainingStart(TrainingContext context)
    {
        base.OnTrainingStart(context);
        _startSteps = context.NumTimesteps;
        _clock.Restart();
    }

    /// <inheritdoc />
    protected override bool OnPeriod(TrainingContext context)
    {
        double fps = (context.NumTimesteps - _startSteps) / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{context.Agent.Name} {context.NumTimesteps}/{context.TotalTimesteps} ({100.0 * context.NumTimesteps / context.TotalTimesteps:0.0}%)  {fps:0} steps/s  ep_rew_mean {context.Episodes.MeanReturn:0.###}"));
        return true;
    }
}
