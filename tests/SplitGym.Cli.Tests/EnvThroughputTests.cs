using SplitGym.Cli.Bench;
using SplitGym.Core;
using SplitGym.Core.Registration;
using SplitGym.Core.Spaces;

namespace SplitGym.Cli.Tests;

/// <summary><c>bench</c>'s env paths run an untimed warm-up before the timed steps and report only the timed ones.</summary>
public sealed class EnvThroughputTests
{
    [Theory]
    [InlineData(100, 1_000)]
    [InlineData(50_000, 5_000)]
    public void EachPathWarmsUpBeforeTheTimedSteps(long steps, long warmUpChunk)
    {
        var counter = new StepCounter();
        var throughput = CountingThroughput(counter, maxEpisodeSteps: 7);

        Assert.Equal(steps, throughput.Raw(steps).Steps);
        AssertWarmedUp(counter, steps, warmUpChunk);

        counter.Steps = 0;
        Assert.Equal(steps, throughput.Made(steps).Steps);
        AssertWarmedUp(counter, steps, warmUpChunk);
    }

    [Fact]
    public void VectorPathCountsSubEnvSteps()
    {
        var counter = new StepCounter();

        var vector = CountingThroughput(counter, maxEpisodeSteps: null).Vector(4_000, 4); // no time limit: no autoreset steps to count around

        Assert.Equal(4_000, vector.Steps);
        AssertWarmedUp(counter, 4_000, 4 * EnvThroughput.MinimumWarmUpSteps);
    }

    private static EnvThroughput CountingThroughput(StepCounter counter, int? maxEpisodeSteps)
    {
        var registry = new Registry();
        registry.Register("Counting-v0", _ => new CountingEnv(counter), maxEpisodeSteps);
        return new EnvThroughput(registry, "Counting-v0");
    }

    /// <summary>Besides the timed steps, the env saw at least one whole warm-up chunk, and only whole chunks.</summary>
    private static void AssertWarmedUp(StepCounter counter, long timedSteps, long warmUpChunk)
    {
        long warmUpSteps = counter.Steps - timedSteps;
        Assert.True(warmUpSteps >= warmUpChunk, $"{warmUpSteps} warm-up steps, expected at least one chunk of {warmUpChunk}");
        Assert.Equal(0, warmUpSteps % warmUpChunk);
    }

    private sealed class StepCounter
    {
        public long Steps;
    }

    /// <summary>An array-path env that only counts the steps it is given.</summary>
    private sealed class CountingEnv(StepCounter counter) : ArrayEnv(new Box<float>(0f, 1f, 1), new Discrete(2))
    {
        protected override void OnReset(Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options) => observation[0] = 0;

        protected override StepOutcome OnStep(int action, Span<float> observation, InfoBuffer info)
        {
            Interlocked.Increment(ref counter.Steps);
            observation[0] = action;
            return new StepOutcome(0, false, false);
        }
    }
}
