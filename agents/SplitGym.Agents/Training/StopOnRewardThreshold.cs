namespace SplitGym.Agents.Training;

/// <summary>
/// Stops training once a mean return reaches <paramref name="threshold"/> (SB3's
/// <c>StopTrainingOnRewardThreshold</c>): the best evaluation of <paramref name="evaluation"/> when
/// given (list it after that callback), else the mean of the last 100 training episodes once at
/// least <paramref name="minEpisodes"/> have finished.
/// </summary>
public sealed class StopOnRewardThreshold(double threshold, EvalCallback? evaluation = null, int minEpisodes = 10) : Callback
{
    /// <summary>Whether the threshold was reached.</summary>
    public bool Reached { get; private set; }

    /// <inheritdoc />
    public override bool OnBoundary(TrainingContext context)
    {
        double? mean = evaluation is not null
            ? evaluation.LastResult is null ? null : evaluation.BestMeanReward
            : context.Episodes.Count >= minEpisodes ? context.Episodes.MeanReturn : null;
        Reached = mean >= threshold;
        return !Reached;
    }
}
