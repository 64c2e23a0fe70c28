using SplitGym.Agents.Evaluation;
using SplitGym.Core;

namespace SplitGym.Agents.Training;

/// <summary>
/// Evaluates the agent on a separate env every <see cref="PeriodicCallback.Every"/> env steps (SB3's
/// <c>EvalCallback</c>), logs <c>eval/mean_reward</c>, <c>eval/mean_ep_length</c> and, for
/// split-inference envs, <c>eval/normalised_score</c> and <c>eval/mean_regret</c>, and saves the
/// best model so far to <see cref="BestModelPath"/>, with its score in a <see cref="BestModelRecord"/>: a
/// callback whose best model path already holds a record starts from that score, so a resumed run only
/// replaces the best model with a better one.
/// </summary>
/// <param name="env">The evaluation env (not the training env).</param>
/// <param name="every">Period in env steps.</param>
/// <param name="episodes">Episodes per evaluation.</param>
/// <param name="bestModelPath">Where the best model is saved; null: not saved.</param>
/// <param name="deterministic">Evaluate greedy actions.</param>
/// <param name="seed">Seed of every evaluation's first reset, so evaluations are comparable.</param>
public sealed class EvalCallback(Env<float[], int> env, long every, int episodes = 5, string? bestModelPath = null, bool deterministic = true, int seed = 0)
    : PeriodicCallback(every)
{
    /// <summary>The best mean evaluation return so far, including a previous run's recorded at <see cref="BestModelPath"/> (else −∞ before the first evaluation).</summary>
    public double BestMeanReward { get; private set; } = double.NegativeInfinity;

    /// <summary>The most recent evaluation.</summary>
    public EvaluationResult? LastResult { get; private set; }

    /// <summary>Where the best model is saved.</summary>
    public string? BestModelPath => bestModelPath;

    /// <summary>Also takes up the score recorded with an existing best model.</summary>
    public override void OnTrainingStart(TrainingContext context)
    {
        base.OnTrainingStart(context);
        if (bestModelPath is not null && BestModelRecord.Read(bestModelPath) is double recorded) BestMeanReward = Math.Max(BestMeanReward, recorded);
    }

    /// <inheritdoc />
    protected override bool OnPeriod(TrainingContext context)
    {
        var result = Evaluator.Evaluate(context.Agent, env, episodes, deterministic, seed);
        LastResult = result;
        context.Logger.Record("eval/mean_reward", result.MeanReturn);
        context.Logger.Record("eval/mean_ep_length", result.MeanLength);
        if (result.NormalisedScore is double score) context.Logger.Record("eval/normalised_score", score);
        if (result.MeanRegret is double regret) context.Logger.Record("eval/mean_regret", regret);
        if (result.MeanReturn > BestMeanReward)
        {
            BestMeanReward = result.MeanReturn;
            if (bestModelPath is null) return true;
            context.Agent.Save(bestModelPath);
            BestModelRecord.Write(bestModelPath, result.MeanReturn, context.NumTimesteps);
        }
        return true;
    }
}
