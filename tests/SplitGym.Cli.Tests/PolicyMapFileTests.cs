using SplitGym.Analysis;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Tests;

public sealed class PolicyMapFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PointsRoundTripExactly()
    {
        Directory.CreateDirectory(_temp.Path);
        var path = _temp.Sub("map.csv");
        PolicyMapPoint[] points = [new(0.1 + 0.2, 1.0 / 3, 1, 30, 31, true), new(64, 8, 31, 31, 31, false)];
        PolicyMapFile.Save(points, path);
        Assert.Equal(points, PolicyMapFile.Load(path));
    }

    [Theory]
    [InlineData("sigma,m\n1,2\n", "expected the header")]
    [InlineData(PolicyMapFile.Header + "\n1,2,3,4,5,yes\n", "line 2 is not")]
    [InlineData(PolicyMapFile.Header + "\n1,2,3,4\n", "line 2 is not")]
    [InlineData(PolicyMapFile.Header + "\n1,x,3,4,5,1\n", "'1,x,3,4,5,1'")]
    public void BrokenFilesAreRefusedNamingTheLine(string text, string expected)
    {
        Directory.CreateDirectory(_temp.Path);
        var path = _temp.Sub("broken.csv");
        File.WriteAllText(path, text);
        var error = Assert.Throws<InvalidDataException>(() => PolicyMapFile.Load(path));
        Assert.Contains(expected, error.Message);
    }
}
