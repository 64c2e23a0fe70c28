using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Llm.Calibration;

namespace SplitGym.Llm.Tests.Calibration;

public class ShardTests
{
    [Property(MaxTest = 300)]
    public Property ShardsCoverEveryCellExactlyOnce(PositiveInt shardCount, NonNegativeInt cells)
    {
        int count = 1 + shardCount.Get % 16, cellCount = cells.Get % 500;
        var owners = new int[cellCount];
        for (int index = 0; index < count; index++)
        {
            foreach (int flat in new ShardSpec(index, count).OwnedCells(cellCount))
                owners[flat]++;
        }
        bool ownedOnce = owners.All(o => o == 1);
        bool consistent = Enumerable.Range(0, cellCount).All(flat => new ShardSpec(flat % count, count).Owns(flat));
        return (ownedOnce && consistent).Label($"{count} shards over {cellCount} cells");
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("0/1", 0, 1)]
    public void ParsesZeroBasedShard(string text, int index, int count) =>
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("3")]
    [InlineData("1/2/3")]
    public void RejectsMalformedShard(string text)
    {
        var error = Assert.Throws<FormatException>(() => ShardSpec.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(18)]
    [InlineData(25)]
    public void MergedShardsEqualTheUnshardedSweep(int count)
    {
        var header = CalibrationSamples.Header();
        string folder = CalibrationSamples.TempFolder();
        var whole = new CalibrationSweep(header, ShardSpec.Whole, new FakeCellEvaluator()).Run(Path.Combine(folder, "whole.journal"));
        var shardFiles = Enumerable.Range(0, count).Reverse().Select(index => RunShard(header, new ShardSpec(index, count), folder)).ToList();

        var merged = ShardMerge.Merge(shardFiles);

        Assert.Equal(whole.Cells.Select(c => c.Values), merged.Cells.Select(c => c.Values));
    }

    internal static string RunShard(CalibrationHeader header, ShardSpec shard, string folder, ICellEvaluator? evaluator = null)
    {
        string journal = Path.Combine(folder, $"shard-{shard.Index}-of-{shard.Count}-{Guid.NewGuid():N}.journal");
        var outcome = new CalibrationSweep(header, shard, evaluator ?? new FakeCellEvaluator()).Run(journal);
        string path = Path.ChangeExtension(journal, ".json");
        new CalibrationShard(header, shard, outcome.CleanPerplexity, outcome.Cells).Save(path);
        return path;
    }
}
