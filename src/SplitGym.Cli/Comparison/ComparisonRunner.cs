using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SplitGym.Cli.Progress;
using SplitGym.Core.Registration;
using SplitGym.Llm.Calibration;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Runs this shard's share of a comparison plan into a folder, <see cref="Jobs"/> runs at a time, saving
/// each result as soon as its run ends, so an interrupted comparison resumes by skipping the runs whose
/// result exists. Every run is seeded by its own key and shares nothing with the others, so the
/// numbers do not depend on <see cref="Jobs"/> or on the order in which runs finish.
/// </summary>
/// <param name="Registry">Where the env ids are registered.</param>
/// <param name="Plan">Runs and budget.</param>
/// <param name="Shard">Which share of the runs this process computes.</param>
/// <param name="Folder">The comparison (or shard) folder.</param>
/// <param name="Jobs">Runs executed at the same time (each learner uses one torch thread).</param>
public sealed record ComparisonRunner(Registry Registry, ComparisonPlan Plan, ShardSpec Shard, string Folder, int Jobs)
{
    /// <summary>Runs what is not finished yet and returns the results of this shard's runs in plan order.</summary>
    public IReadOnlyList<RunResult> Run(IRunProgress progress)
    {
        Plan.AdoptFolder(Folder, Shard);
        Directory.CreateDirectory(Path.Combine(Folder, RunResult.ResultsFolder));
        var owned = Plan.Owned(Shard);
        var results = new RunResult?[owned.Count];
        var execution = new RunExecution(Registry, Plan, Folder);
        progress.Show(owned.Count, () =>
        {
            var pending = new List<int>();
            for (int i = 0; i < owned.Count; i++)
            {
                var path = RunResult.PathFor(Folder, owned[i]);
                if (!File.Exists(path)) pending.Add(i);
                else
                {
                    results[i] = RunResult.Load(path);
                    progress.Skipped(owned[i]);
                }
            }
            RunInParallel(owned, pending, i =>
            {
                var result = execution.Execute(owned[i], progress);
                result.Save(RunResult.PathFor(Folder, owned[i]));
                results[i] = result;
            });
        });
        return [.. results.Select(r => r!)];
    }

    private void RunInParallel(IReadOnlyList<RunKey> owned, List<int> pending, Action<int> body)
    {
        try
        {
            // One run handed out at a time, so the cores stay busy to the end.
            Parallel.ForEach(Partitioner.Create(RunSchedule.Order(owned, pending), EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = Jobs }, body);
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
        }
    }
}
