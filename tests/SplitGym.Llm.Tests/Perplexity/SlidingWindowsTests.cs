using FsCheck;
using FsCheck.Xunit;
using SplitGym.Llm.Perplexity;

namespace SplitGym.Llm.Tests.Perplexity;

public class SlidingWindowsTests
{
    [Property(MaxTest = 300)]
    public bool WithOverlapEveryTokenAfterTheFirstIsScoredExactlyOnceInEqualWindows(PositiveInt tokens, PositiveInt window, PositiveInt stride)
    {
        var (n, w) = (tokens.Get % 300 + 2, window.Get % 40 + 2);
        var s = (stride.Get - 1) % (w - 1) + 1;
        var timesScored = TimesScored(new SlidingWindows(n, w, s), n);
        return timesScored is not null && timesScored[0] == 0 && timesScored.Skip(1).All(count => count == 1) && new SlidingWindows(n, w, s).ScoredTokens == n - 1;
    }

    [Property(MaxTest = 100)]
    public bool WithoutOverlapOnlyWindowStartsGoUnscored(PositiveInt tokens, PositiveInt window)
    {
        var (n, w) = (tokens.Get % 300 + 2, window.Get % 40 + 2);
        var windows = new SlidingWindows(n, w, w);
        var timesScored = TimesScored(windows, n);
        var unscored = Enumerable.Range(0, n).Where(t => timesScored![t] == 0).ToHashSet();
        return timesScored!.All(count => count <= 1) && unscored.IsSubsetOf(windows.Starts) && windows.ScoredTokens == n - unscored.Count;
    }

    private static int[]? TimesScored(SlidingWindows windows, int n)
    {
        var timesScored = new int[n];
        for (var k = 0; k < windows.Count; k++)
        {
            var start = windows.Starts[k];
            if (start < 0 || start + windows.Window > n || windows.FirstScoredPrediction(k) < 0) return null;
            for (var i = windows.FirstScoredPrediction(k); i < windows.Window - 1; i++) timesScored[start + i + 1]++;
        }
        return timesScored;
    }

    [Fact]
    public void FollowsTheHuggingFaceStrideLayout()
    {
        var windows = new SlidingWindows(tokenCount: 20, window: 8, stride: 4);
        Assert.Equal([0, 4, 8, 12], windows.Starts);
        Assert.Equal([0, 3, 3, 3], Enumerable.Range(0, 4).Select(windows.FirstScoredPrediction));
    }

    [Fact]
    public void FinalWindowIsRightAlignedToTheText()
    {
        var windows = new SlidingWindows(tokenCount: 19, window: 8, stride: 4);
        Assert.Equal([0, 4, 8, 11], windows.Starts);
        Assert.Equal(4, windows.FirstScoredPrediction(3));
    }

    [Fact]
    public void ShortTextIsOneWindow()
    {
        var windows = new SlidingWindows(tokenCount: 5, window: 8, stride: 8);
        Assert.Equal((1, 5, 4), (windows.Count, windows.Window, windows.ScoredTokens));
    }

    [Theory]
    [InlineData(1, 8, 4, "tokenCount")]
    [InlineData(10, 1, 1, "window")]
    [InlineData(10, 8, 0, "stride")]
    [InlineData(10, 8, 9, "stride")]
    public void InvalidLayoutsAreRejected(int tokens, int window, int stride, string parameter)
    {
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindows(tokens, window, stride)).ParamName);
    }
}
