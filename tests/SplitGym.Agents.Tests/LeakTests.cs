using TorchSharp;

namespace SplitGym.Agents.Tests;

/// <summary>Training and prediction dispose every tensor they create: the live tensor count stays flat over many updates.</summary>
public sealed class LeakTests
{
    [Theory]
    [MemberData(nameof(AgentFactory.Algorithms), MemberType = typeof(AgentFactory))]
    public void LiveTensorCountStaysFlatOverManyUpdates(string algorithm)
    {
        using var agent = AgentFactory.Split(algorithm, seed: 1);
        agent.Learn(1_000);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        agent.Learn(6_000);
        var observation = TestEnvs.Split().Reset(seed: 0).Observation;
        for (int i = 0; i < 100; i++) agent.Predict(observation, deterministic: i % 2 == 0);
        long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Assert.True(after == before, $"{algorithm}: {after - before} tensors leaked over {agent.NumTimesteps - 1_000} steps ({before} live before, {after} after).");
    }
}
