using SplitGym.Llm.Calibration;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Combines the folders of a sharded comparison (<c>compare --shard i/N</c>, e.g. the tasks of a Slurm
/// job array) into one comparison folder: checks that they were made by the same plan, that every
/// shard 0..N−1 is there exactly once and finished, then copies their results and run logs.
/// </summary>
public static class ComparisonMerge
{
    /// <summary>Merges <paramref name="shardFolders"/> into <paramref name="output"/> and returns the plan and every result in plan order.</summary>
    /// <exception cref="InvalidOperationException">The shards do not belong together, or one is missing or unfinished.</exception>
    public static (ComparisonPlan Plan, IReadOnlyList<RunResult> Results) Merge(IReadOnlyList<string> shardFolders, string output)
    {
        var shards = shardFolders.Select(folder => (Folder: folder, Stored: ComparisonPlan.Load(folder))).ToList();
        var (first, (plan, firstShard)) = shards[0];
        foreach (var (folder, (other, shard)) in shards.Skip(1))
        {
            var difference = plan.DifferenceFrom(other) ?? (shard.Count == firstShard.Count ? null : $"{shard.Count} shards versus {firstShard.Count}");
            if (difference is not null)
                throw new InvalidOperationException($"'{folder}' was made by a different comparison than '{first}' ({difference}); merge only the shards of one comparison.");
        }
        CheckEveryShardOnce(shards.Select(s => (s.Folder, s.Stored.Shard)).ToList(), firstShard.Count);
        foreach (var (folder, (_, shard)) in shards)
        {
            var unfinished = plan.Owned(shard).FirstOrDefault(run => !File.Exists(RunResult.PathFor(folder, run)));
            if (unfinished is not null)
                throw new InvalidOperationException($"'{folder}' (shard {shard}) is unfinished: run {unfinished.Name} has no result; rerun that shard's command to finish it.");
        }
        plan.AdoptFolder(output, ShardSpec.Whole);
        Directory.CreateDirectory(Path.Combine(output, RunResult.ResultsFolder));
        var results = new Dictionary<RunKey, RunResult>();
        foreach (var (folder, (_, shard)) in shards)
        {
            foreach (var run in plan.Owned(shard))
                results[run] = CopyRun(folder, output, run);
        }
        return (plan, [.. plan.Runs.Select(run => results[run])]);
    }

    private static void CheckEveryShardOnce(IReadOnlyList<(string Folder, ShardSpec Shard)> shards, int count)
    {
        var repeated = shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new InvalidOperationException($"Shard {repeated.Key}/{count} is given twice ('{string.Join("', '", repeated.Select(s => s.Folder))}'); give each shard folder once.");
        var missing = Enumerable.Range(0, count).Except(shards.Select(s => s.Shard.Index)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Shard{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} missing; merge needs the folders of all {count} shards.");
    }

    private static RunResult CopyRun(string shardFolder, string output, RunKey run)
    {
        var result = RunResult.Load(RunResult.PathFor(shardFolder, run));
        if (Path.GetFullPath(shardFolder) == Path.GetFullPath(output)) return result;
        CopyTree(Path.Combine(shardFolder, RunExecution.RunsFolder, run.Name), Path.Combine(output, RunExecution.RunsFolder, run.Name));
        result.Save(RunResult.PathFor(output, run));
        return result;
    }

    private static void CopyTree(string source, string target)
    {
        if (!Directory.Exists(source)) return;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
