using SplitGym.Analysis;
using SplitGym.Analysis.Figures;
using SplitGym.Envs.Channel;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The PNG figures of a comparison folder, drawn from the run results and each run's logs:
/// <c>learning-curves.png</c> (the paper's Fig. 5: one panel per channel case, mean ± std over seeds,
/// baselines as reference lines) and <c>action-sizes-{case}.png</c> (Fig. 8: K = 1, 2, 3 for every
/// learner that ran several action sizes on a case) and <c>evaluations-vs-score-{case}.png</c> (the
/// cost argument: normalised score against the real evaluations training consumed, model-free and
/// model-based, from each run's score trace) and <c>policy-map-{agent}-{case}.png</c> (Fig. 7: the split
/// each learner's policy settles on across σ with a LOESS trend, for its lowest seed at K = 1). A comparison on another env (<c>--env</c>) gets one
/// single-panel <c>learning-curves.png</c>. Learning curves show model-free learners only: a
/// model-based agent's training happens in its learned env, so its steps are not real env steps.
/// </summary>
public static class ComparisonFigures
{
    /// <summary>The name of the learning-curve figure.</summary>
    public const string LearningCurves = "learning-curves.png";

    /// <summary>Writes every figure <paramref name="results"/> has data for into <paramref name="folder"/>.</summary>
    public static void Write(string folder, IReadOnlyList<RunResult> results)
    {
        var byCase = results.Where(r => r.Key.Case is not null).ToList();
        if (byCase.Count == 0)
        {
            var (learners, references) = LearnersAndReferences(folder, results);
            LearningCurvePlot.Save(string.Join(", ", results.Select(r => r.Key.EnvId).Distinct()), learners, references, Path.Combine(folder, LearningCurves));
            return;
        }
        LearningCurvePanels.Save("SplitInference", [.. byCase.GroupBy(r => r.Key.Case!).Select(c => CaseCurves(folder, c))], Path.Combine(folder, LearningCurves));
        foreach (var channelCase in byCase.GroupBy(r => r.Key.Case!))
        {
            var sweeps = ActionSizeRuns(folder, channelCase);
            if (sweeps.Count > 0) ActionSpaceCurves.Save($"SplitInference-{channelCase.Key}", sweeps, Path.Combine(folder, $"action-sizes-{channelCase.Key}.png"));
            var costs = CostCurves(channelCase);
            if (costs.Count > 0) EvaluationsVsScoreFigure.Save($"SplitInference-{channelCase.Key}-k1-v0", costs, Path.Combine(folder, $"evaluations-vs-score-{channelCase.Key}.png"));
            foreach (var map in channelCase.Where(r => r.Key.ActionHalfWidth == 1 && r.PolicyFile is not null).GroupBy(r => r.Key.Agent))
            {
                var run = map.MinBy(r => r.Key.Seed)!;
                PolicyMapFigure.Save($"{run.Key.Agent} (seed {run.Key.Seed}) on {run.Key.EnvId}",
                    PolicyMapFile.Load(Path.Combine(folder, run.PolicyFile!)), Path.Combine(folder, $"policy-map-{map.Key}-{channelCase.Key}.png"));
            }
        }
    }

    /// <summary>
    /// One cost curve per learner on the case at K = 1: the i-th point of every seed's score trace,
    /// averaged over seeds (evaluations and score, with the score's std), for as many points as every seed has.
    /// </summary>
    private static List<AgentCostCurve> CostCurves(IEnumerable<RunResult> channelCase) =>
        [.. channelCase.Where(r => r.Key.ActionHalfWidth == 1 && r.Trace.Count > 0).GroupBy(r => r.Key.Agent)
            .Select(agent => new AgentCostCurve(agent.Key, AgentCatalog.IsModelFree(agent.Key) ? AgentFamily.ModelFree : AgentFamily.ModelBased,
                [.. Enumerable.Range(0, agent.Min(r => r.Trace.Count)).Select(i => CostPoint(agent.Select(r => r.Trace[i]).ToList()))]))
            .Where(curve => curve.Points.All(p => double.IsFinite(p.Score) && p.LiveEvaluations > 0))];

    private static CostPoint CostPoint(IReadOnlyList<TracePoint> seeds)
    {
        var (score, std) = ComparisonSummary.MeanAndStd([.. seeds.Select(p => p.NormalisedScore)]);
        return new CostPoint(seeds.Average(p => (double)p.LiveEquivalentEvaluations), score, std);
    }

    /// <summary>The panel of one case, on its smallest action size (K = 1 in the default grid).</summary>
    private static CaseCurves CaseCurves(string folder, IGrouping<string, RunResult> channelCase)
    {
        int k = channelCase.Min(r => r.Key.ActionHalfWidth!.Value);
        var (learners, references) = LearnersAndReferences(folder, channelCase.Where(r => r.Key.ActionHalfWidth == k));
        return new CaseCurves(ChannelCases.Parse(channelCase.Key), learners, references);
    }

    /// <summary>Learners as curves over seeds; baselines (which do not train) as reference lines at their mean evaluation return.</summary>
    private static (List<LearnerCurves> Learners, List<ReferenceLevel> References) LearnersAndReferences(string folder, IEnumerable<RunResult> runs)
    {
        var learners = new List<LearnerCurves>();
        var references = new List<ReferenceLevel>();
        foreach (var agent in runs.GroupBy(r => r.Key.Agent))
        {
            if (AgentCatalog.Learns(agent.Key) && !AgentCatalog.IsModelFree(agent.Key)) continue;
            if (!AgentCatalog.Learns(agent.Key))
                references.Add(new ReferenceLevel($"{agent.Key} (evaluation)", agent.Average(r => r.MeanReturn)));
            else if (Curves(folder, agent) is { Count: > 0 } curves)
                learners.Add(new LearnerCurves(agent.Key, curves));
        }
        return (learners, references);
    }

    /// <summary>One entry per (learner, K) for the learners that ran more than one K on the case.</summary>
    private static List<ActionSpaceRun> ActionSizeRuns(string folder, IEnumerable<RunResult> channelCase) =>
        [.. channelCase.Where(r => AgentCatalog.IsModelFree(r.Key.Agent)).GroupBy(r => r.Key.Agent)
            .Where(agent => agent.Select(r => r.Key.ActionHalfWidth).Distinct().Count() > 1)
            .SelectMany(agent => agent.GroupBy(r => r.Key.ActionHalfWidth!.Value).OrderBy(k => k.Key)
                .Select(k => new ActionSpaceRun(agent.Key, k.Key, Curves(folder, k))))
            .Where(run => run.Seeds.Count > 0)];

    /// <summary>The training curves of <paramref name="runs"/>: one per seed whose log has at least one finished episode (a run shorter than one log interval has none).</summary>
    private static List<TrainingCurve> Curves(string folder, IEnumerable<RunResult> runs) =>
        [.. runs.Where(r => r.RunFolder is not null)
            .Select(r => Path.Combine(folder, r.RunFolder!, "progress.csv"))
            .Where(csv => File.Exists(csv) && new FileInfo(csv).Length > 0)
            .Select(csv => ProgressCsv.Read(csv))
            .OfType<TrainingCurve>()];
}
