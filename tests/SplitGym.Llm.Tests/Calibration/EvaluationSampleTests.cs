using SplitGym.Llm.Calibration;
using SplitGym.Llm.Perplexity;

namespace SplitGym.Llm.Tests.Calibration;

public class EvaluationSampleTests
{
    private static readonly int[] Text = [.. Enumerable.Range(0, 1000)];

    [Fact]
    public void NonOverlappingWindowsAreWholeChunksSpreadOverTheText()
    {
        var sample = EvaluationSample.Take(Text, 100, 25, 25);
        Assert.Equal(100, sample.Length);
        int[] starts = [0, 325, 650, 975];
        for (int k = 0; k < 4; k++)
            Assert.Equal(Enumerable.Range(starts[k], 25), sample.Skip(25 * k).Take(25));
        var windows = new SlidingWindows(sample.Length, 25, 25);
        Assert.Equal([0, 25, 50, 75], windows.Starts);
    }

    [Fact]
    public void OverlappingWindowsTakeTheFirstTokensAndShortTextIsKept()
    {
        Assert.Equal(Enumerable.Range(0, 100), EvaluationSample.Take(Text, 100, 25, 10));
        Assert.Equal(Text, EvaluationSample.Take(Text, 5000, 25, 25));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationSample.Take(Text, 1, 25, 25));
    }
}
