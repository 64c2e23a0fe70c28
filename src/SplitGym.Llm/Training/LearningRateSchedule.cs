namespace SplitGym.Llm.Training;

/// <summary>
/// Linear warmup followed by cosine decay: step s (0-based) of S steps with W warmup steps gets
/// <c>peak·(s+1)/W</c> for s &lt; W, then <c>floor + (peak − floor)·(1 + cos(π·t))/2</c> with
/// <c>t = (s − W)/(S − W − 1)</c> running from 0 to 1 over the remaining steps and
/// <c>floor = peak·FinalLearningRateFraction</c>.
/// </summary>
public sealed class LearningRateSchedule(double peak, int warmupSteps, int totalSteps, double finalFraction)
{
    /// <summary>The schedule described by <paramref name="options"/>.</summary>
    public static LearningRateSchedule From(TrainingOptions options) =>
        new(options.PeakLearningRate, options.WarmupSteps, options.Steps, options.FinalLearningRateFraction);

    /// <summary>The learning rate used for the update of step <paramref name="step"/> (0-based).</summary>
    public double At(int step)
    {
        if (step < warmupSteps) return peak * (step + 1) / warmupSteps;
        var decaySteps = totalSteps - warmupSteps - 1;
        var progress = decaySteps <= 0 ? 1.0 : Math.Min(1.0, (double)(step - warmupSteps) / decaySteps);
        var floor = peak * finalFraction;
        return floor + (peak - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
