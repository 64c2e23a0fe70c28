using SplitGym.Llm.Calibration;

namespace SplitGym.Llm.Tests.Calibration;

public class ShardMergeTests
{
    private static readonly CalibrationHeader Header = CalibrationSamples.Header();

    private static string Shard(int index, int count, CalibrationHeader? header = null, ICellEvaluator? evaluator = null) =>
        ShardTests.RunShard(header ?? Header, new ShardSpec(index, count), CalibrationSamples.TempFolder(), evaluator);

    private static string MergeError(params string[] paths) =>
        Assert.Throws<InvalidDataException>(() => ShardMerge.Merge(paths)).Message;

    [Fact]
    public void RejectsShardOfAnotherModel()
    {
        var other = Header with { Model = Header.Model with { Sha256 = new string('c', 64) } };
        string message = MergeError(Shard(0, 2), Shard(1, 2, other));
        Assert.Contains("model differs", message);
        Assert.Contains("cccc", message);
    }

    [Fact]
    public void RejectsShardOfAnotherGridOrChannel()
    {
        var grid = Header with { Grid = Header.Grid with { Shapes = [0.5, 1, 8] } };
        Assert.Contains("grid differs", MergeError(Shard(0, 2), Shard(1, 2, grid)));
        var channel = Header with { Channel = Header.Channel with { Equalisation = "zero-forcing" } };
        Assert.Contains("channel differs", MergeError(Shard(0, 2), Shard(1, 2, channel)));
        var evaluation = Header with { Evaluation = Header.Evaluation with { Stride = 8 } };
        Assert.Contains("evaluation differs", MergeError(Shard(0, 2), Shard(1, 2, evaluation)));
    }

    [Fact]
    public void RejectsDuplicateShard()
    {
        string first = Shard(0, 3);
        Assert.Contains("appears twice", MergeError(first, Shard(1, 3), Shard(0, 3), Shard(2, 3)));
    }

    [Fact]
    public void RejectsMissingShardNamingIt()
    {
        string message = MergeError(Shard(0, 3), Shard(2, 3));
        Assert.Contains("Shards 1/3 are missing (6 of 18 cells", message);
    }

    [Fact]
    public void RejectsMixedShardCounts()
    {
        Assert.Contains("same shard count", MergeError(Shard(0, 2), Shard(1, 3)));
    }

    [Fact]
    public void RejectsDisagreeingCleanPerplexity()
    {
        string path = Shard(1, 2);
        var shard = CalibrationShard.Load(path);
        new CalibrationShard(shard.Header, shard.Shard, 3.2, shard.Cells).Save(path);
        Assert.Contains("clean perplexity 3.2", MergeError(Shard(0, 2), path));
    }

    [Fact]
    public void RejectsEmptyListAndShardFileWithForeignCell()
    {
        Assert.Contains("No shard files", MergeError());
        string path = Shard(0, 2);
        string text = File.ReadAllText(path).Replace("\"split\": 1,", "\"split\": 2,");
        File.WriteAllText(path, text);
        Assert.Contains("shard 0/2 expects cell", MergeError(path, Shard(1, 2)));
    }
}
