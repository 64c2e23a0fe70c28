using FsCheck;
using FsCheck.Xunit;
using SplitGym.Cli.Comparison;
using SplitGym.Envs.Channel;

namespace SplitGym.Cli.Tests;

/// <summary>A comparison starts its longest runs first (model-based, then model-free learners, then baselines), keeping plan order within each group.</summary>
public sealed class RunScheduleTests
{
    private static readonly IReadOnlyList<RunKey> DefaultRuns = ComparisonGrid.Build(
        ["ppo", "dqn", "a2c", "random", "oracle"], [ChannelCase.Low, ChannelCase.High, ChannelCase.All],
        [1], [0, 1, 2], ["ppo"], ["mbrl", "surrogate"], [0], ChannelCase.All);

    [Fact]
    public void TheDefaultPlanStartsWithTheModelBasedRunsAndEndsWithTheBaselines()
    {
        var order = RunSchedule.Order(DefaultRuns, Enumerable.Range(0, DefaultRuns.Count));
        var agents = order.Select(i => DefaultRuns[i].Agent).ToList();

        Assert.Equal(["mbrl", "surrogate"], agents.Take(2));
        Assert.All(agents.Skip(2).Take(DefaultRuns.Count(r => r.Agent is "ppo" or "dqn" or "a2c")), agent => Assert.Contains(agent, new[] { "ppo", "dqn", "a2c" }));
        Assert.All(agents.TakeLast(DefaultRuns.Count(r => r.Agent is "random" or "oracle")), agent => Assert.Contains(agent, new[] { "random", "oracle" }));
        Assert.Equal(DefaultRuns.Count, order.Distinct().Count());
    }

    [Property(MaxTest = 50)]
    public bool AnyPendingSubsetIsAStableReorderingByRank(int[] picks)
    {
        var pending = picks.Select(p => Math.Abs(p % DefaultRuns.Count)).Distinct().ToList();
        var order = RunSchedule.Order(DefaultRuns, pending);
        var expected = pending.GroupBy(i => RunSchedule.Rank(DefaultRuns[i].Agent)).OrderBy(g => g.Key).SelectMany(g => g);
        return order.SequenceEqual(expected);
    }

    [Theory]
    [InlineData("mbrl", 0)]
    [InlineData("surrogate", 0)]
    [InlineData("ppo", 1)]
    [InlineData("dqn", 1)]
    [InlineData("a2c", 1)]
    [InlineData("random", 2)]
    [InlineData("oracle", 2)]
    public void RanksFollowTheKindOfAgent(string agent, int rank) => Assert.Equal(rank, RunSchedule.Rank(agent));
}
