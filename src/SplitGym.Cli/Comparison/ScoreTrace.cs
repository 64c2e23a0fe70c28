using SplitGym.Agents.Evaluation;
using SplitGym.Agents.Training;
using SplitGym.Core;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Evaluates the greedy policy at the first training boundary past each of <paramref name="milestones"/>
/// evenly spaced fractions of the target (the last, the end of training, is the run's final evaluation
/// and is left to the caller), on the same evaluation episodes as the final evaluation. Greedy
/// predictions draw no random numbers, so the trace does not change what is learned.
/// </summary>
/// <param name="env">The env to evaluate on (used only by this trace).</param>
/// <param name="episodes">Evaluation episodes per point.</param>
/// <param name="seed">Seed of each evaluation's first reset.</param>
/// <param name="target">The training target (<see cref="AgentCatalog.TrainingTarget"/>).</param>
/// <param name="milestones">How many fractions the target is split into (4: evaluate after 25 %, 50 %, 75 %).</param>
public sealed class ScoreTrace(Env<float[], int> env, int episodes, int seed, long target, int milestones = 4) : Callback
{
    private int _passed;

    /// <summary>The points measured so far.</summary>
    public List<TracePoint> Points { get; } = [];

    /// <inheritdoc />
    public override bool OnBoundary(TrainingContext context)
    {
        int reached = (int)Math.Min(milestones - 1, context.NumTimesteps * milestones / target);
        if (reached <= _passed || context.NumTimesteps >= target) return true; // the end is the final evaluation
        _passed = reached;
        var evaluation = Evaluator.Evaluate(context.Agent, env, episodes, deterministic: true, seed: seed);
        Points.Add(new TracePoint(context.NumTimesteps, evaluation.NormalisedScore ?? double.NaN));
        return true;
    }
}
