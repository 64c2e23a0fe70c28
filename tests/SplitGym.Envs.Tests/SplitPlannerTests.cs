using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Envs.Oracle;

namespace SplitGym.Envs.Tests;

public class SplitPlannerTests
{
    private static double[] Rewards(int[] raw, int count) =>
        [.. Enumerable.Range(0, count).Select(i => raw.Length == 0 ? 0.0 : -(Math.Abs(raw[i % raw.Length]) % 97) / 10.0)];

    [Property(MaxTest = 150)]
    public void OptimalReturnEqualsExhaustiveSearch(int[] raw, PositiveInt countSeed, PositiveInt kSeed, PositiveInt stepSeed, NonNegativeInt startSeed)
    {
        int count = countSeed.Get % 6 + 1, k = kSeed.Get % 3 + 1, steps = stepSeed.Get % 5 + 1;
        int start = startSeed.Get % count;
        var rewards = Rewards(raw, count);
        var planner = new SplitPlanner(0, count - 1, k, steps);
        planner.Plan(rewards, steps);
        var (best, _) = BruteForcePlans.Enumerate(rewards, start, k, steps);
        Assert.Equal(best, planner.OptimalReturn(start), 9);
    }

    [Property(MaxTest = 150)]
    public void FollowingNextSplitAchievesTheOptimalReturn(int[] raw, PositiveInt countSeed, PositiveInt kSeed, PositiveInt stepSeed, NonNegativeInt startSeed)
    {
        int count = countSeed.Get % 9 + 1, k = kSeed.Get % 3 + 1, steps = stepSeed.Get % 12 + 1;
        int start = 3 + startSeed.Get % count;
        var rewards = Rewards(raw, count);
        var planner = new SplitPlanner(3, 3 + count - 1, k, steps);
        planner.Plan(rewards, steps);
        int split = start;
        double total = 0;
        for (int togo = steps; togo >= 1; togo--)
        {
            int next = planner.NextSplit(split, togo);
            Assert.InRange(Math.Abs(next - split), 0, k);
            split = next;
            total += rewards[split - 3];
        }
        Assert.Equal(planner.OptimalReturn(start), total, 9);
    }

    [Property(MaxTest = 150)]
    public void RandomTrackerEqualsExhaustiveAverage(int[] raw, PositiveInt countSeed, PositiveInt kSeed, PositiveInt stepSeed, NonNegativeInt startSeed)
    {
        int count = countSeed.Get % 6 + 1, k = kSeed.Get % 3 + 1, steps = stepSeed.Get % 5 + 1;
        int start = startSeed.Get % count;
        var rewards = Rewards(raw, count);
        var tracker = new RandomPolicyTracker(0, count - 1, k);
        tracker.Reset(start);
        double total = 0;
        for (int t = 0; t < steps; t++) total += tracker.Advance(rewards);
        var (_, random) = BruteForcePlans.Enumerate(rewards, start, k, steps);
        Assert.Equal(random, total, 9);
    }

    [Fact]
    public void OracleWalksTowardsTheBestSplitWhenTheHorizonAllows()
    {
        double[] rewards = [-5, -4, -3, -2, -1, 0];
        var planner = new SplitPlanner(1, 6, 1, 10);
        planner.Plan(rewards, 10);
        Assert.Equal(2, planner.NextSplit(1, 10));
        Assert.Equal(6, planner.NextSplit(6, 3));
        Assert.Equal(-4 - 3 - 2 - 1 + 0 * 6, planner.OptimalReturn(1), 12);
    }

    [Fact]
    public void RejectsBadArgumentsWithClearMessages()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitPlanner(1, 5, 0, 3));
        Assert.Throws<ArgumentException>(() => new SplitPlanner(5, 1, 1, 3));
        var planner = new SplitPlanner(1, 3, 1, 2);
        Assert.Contains("Plan", Assert.Throws<InvalidOperationException>(() => planner.OptimalReturn(1)).Message);
        Assert.Contains("Expected 3 rewards", Assert.Throws<ArgumentException>(() => planner.Plan([1.0, 2.0], 2)).Message);
        planner.Plan([1.0, 2.0, 3.0], 2);
        Assert.Contains("3 moves to go", Assert.Throws<InvalidOperationException>(() => planner.NextSplit(1, 3)).Message);
    }
}
