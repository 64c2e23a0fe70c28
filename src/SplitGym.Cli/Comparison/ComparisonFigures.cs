using SplitGym.Analysis;
using SplitGym.Analysis.Figures;
using SplitGym.Envs.Channel;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The PNG figures of a comparison folder, drawn from the run results and each run's logs:
/// <c>learning-curves.png</c> (the paper's Fig. 5: one panel per channel case, mean ± std over seeds,
/// baselines as reference lines) and <c>action-sizes-{case}.png</c> (Fig. 8: K = 1, 2, 3 for every
/// learner that ran several action sizes on a case). A comparison on another env (<c>--env</c>) gets
/// one single-panel <c>learning-curves.png</c>.
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
        }
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
            if (!AgentCatalog.Learns(agent.Key))
                references.Add(new ReferenceLevel($"{agent.Key} (evaluation)", agent.Average(r => r.MeanReturn)));
            else if (Curves(folder, agent) is { Count: > 0 } curves)
                learners.Add(new LearnerCurves(agent.Key, curves));
        }
        return (learners, references);
    }

    /// <summary>One entry per (learner, K) for the learners that ran more than one K on the case.</summary>
    private static List<ActionSpaceRun> ActionSizeRuns(string folder, IEnumerable<RunResult> channelCase) =>
        [.. channelCase.Where(r => AgentCatalog.Learns(r.Key.Agent)).GroupBy(r => r.Key.Agent)
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
