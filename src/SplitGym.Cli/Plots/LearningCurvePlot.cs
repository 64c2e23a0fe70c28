using SplitGym.Analysis.Curves;
using SplitGym.Analysis.Figures;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Plots;

/// <summary>
/// Bridge from a comparison's <see cref="RunResult"/>s to the plain-data figure
/// <see cref="Analysis.Figures.LearningCurvePlot"/>: runs with a log folder become learner curves (read
/// from their <c>progress.csv</c>), runs without one become reference lines at their evaluation return.
/// </summary>
public static class LearningCurvePlot
{
    /// <summary>Writes the comparison's learning-curve PNG to <paramref name="path"/>.</summary>
    public static void Save(string envId, IReadOnlyList<RunResult> results, string path)
    {
        var learners = new List<LearnerCurves>();
        var references = new List<ReferenceLevel>();
        foreach (var agent in results.GroupBy(r => r.Agent))
        {
            var curves = agent.Where(r => r.RunFolder is not null)
                .Select(r => ProgressCsv.Read(Path.Combine(r.RunFolder!, "progress.csv")))
                .OfType<TrainingCurve>().ToList();
            if (curves.Count > 0) learners.Add(new LearnerCurves(agent.Key, curves));
            else references.Add(new ReferenceLevel($"{agent.Key} (evaluation)", agent.Average(r => r.MeanReturn)));
        }
        Analysis.Figures.LearningCurvePlot.Save(envId, learners, references, path);
    }
}
