using SplitGym.Llm.Calibration;

namespace SplitGym.Llm.Tests.Calibration;

public class NoisePilotTests
{
    // FakeCellEvaluator without jitter at m = 1000: PPL/PPL0 ≈ 1.0003 + split·σ/3. With splits 1..3
    // the worst split (3) stays within 1 % up to σ ≈ 0.0097 and the best split (1) reaches 4× at σ = 9.
    private static readonly double[] Candidates = [.. Enumerable.Range(0, 16).Select(k => 0.001 * Math.Pow(2, k))];

    private static PilotResult Pilot() => NoisePilot.Measure(new FakeCellEvaluator(relativeSpread: 0), [1, 2, 3], Candidates, 1000, 5);

    [Fact]
    public void MeasuresDegradationRatios()
    {
        var pilot = Pilot();
        Assert.Equal(FakeCellEvaluator.Clean, pilot.CleanPerplexity);
        Assert.Equal(FakeCellEvaluator.Expected(2, Candidates[4], 1000) / FakeCellEvaluator.Clean, pilot.Ratios[1, 4], 12);
        Assert.True(pilot.WorstRatio(4) > pilot.BestRatio(4));
    }

    [Fact]
    public void GridSpansNegligibleToSevere()
    {
        var pilot = Pilot();
        Assert.Equal((0.008, 16.384), NoisePilot.Ends(pilot));
        var grid = NoisePilot.ChooseGrid(pilot, 5);
        Assert.Equal([0, 0.008, 0.0538, 0.362, 2.44, 16.4], grid);
    }

    [Fact]
    public void FallsBackToExtremeCandidatesWhenThresholdsAreNeverReached()
    {
        var pilot = NoisePilot.Measure(new FakeCellEvaluator(relativeSpread: 0), [1], [0.02, 0.04, 0.08], 1000, 5);
        Assert.Equal((0.02, 0.08), NoisePilot.Ends(pilot));
    }

    [Fact]
    public void RejectsDegenerateRequests()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NoisePilot.ChooseGrid(Pilot(), 1));
        Assert.Throws<InvalidDataException>(() => NoisePilot.Measure(new FakeCellEvaluator(), [1], [0.5, 0.1], 1, 5));
    }
}
