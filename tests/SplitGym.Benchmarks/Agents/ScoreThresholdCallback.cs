using SplitGym.Agents.Evaluation;
using SplitGym.Agents.Training;
using SplitGym.Core;

namespace SplitGym.Benchmarks.Agents;

/// <summary>
/// Evaluates the agent greedily every <paramref name="every"/> training steps (for a model-based agent:
/// real evaluations, i.e. after every round) on a separate table env and stops training at the first
/// evaluation whose normalised score reaches <paramref name="threshold"/>, remembering the step count.
/// </summary>
/// <param name="env">The evaluation env (a split-inference env on the calibrated table).</param>
/// <param name="every">Period in training steps.</param>
/// <param name="episodes">Episodes per evaluation.</param>
/// <param name="seed">Seed of each evaluation's first reset (the same episodes every time).</param>
/// <param name="threshold">Normalised score to reach.</param>
public sealed class ScoreThresholdCallback(Env<float[], int> env, long every, int episodes, int seed, double threshold) : PeriodicCallback(every)
{
    /// <summary>Training steps (live-equivalent evaluations) at the first evaluation reaching the threshold; null while not reached.</summary>
    public long? ReachedAt { get; private set; }

    /// <summary>The most recent normalised score.</summary>
    public double LastScore { get; private set; } = double.NaN;

    /// <summary>Scores the agent now (also usable after training ends).</summary>
    public double Score(SplitGym.Agents.IAgent agent) => LastScore = Evaluator.Evaluate(agent, env, episodes, deterministic: true, seed).NormalisedScore ?? double.NaN;

    /// <inheritdoc />
    protected override bool OnPeriod(TrainingContext context)
    {
        if (Score(context.Agent) < threshold) return true;
        ReachedAt = context.NumTimesteps;
        return false;
    }
}
