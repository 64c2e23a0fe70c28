using SplitGym.Core.Tests.TestEnvs;

namespace SplitGym.Core.Tests;

/// <summary>The Env base's generator rule: re-seeded only when Reset gets a seed, otherwise one continuing stream.</summary>
public sealed class EnvRngTests
{
    [Fact]
    public void Reset_with_a_seed_then_without_continues_the_same_stream()
    {
        var env = new GenericTestEnv();
        var reference = new Rng(5);
        Assert.Equal((float)reference.NextDouble(), env.Reset(seed: 5).Observation[0]);
        Assert.Equal((float)reference.NextDouble(), env.Reset().Observation[0]);
        Assert.Equal((float)reference.NextDouble(), env.Reset().Observation[0]);
        Assert.Equal(reference.State, env.NpRandom.State);
        Assert.Equal(5, env.NpRandomSeed);
    }

    [Fact]
    public void Reset_with_the_same_seed_twice_restarts_the_stream()
    {
        var env = new GenericTestEnv();
        float[] Episode(int seed) => [env.Reset(seed: seed).Observation[0], env.Reset().Observation[0], env.Step(0).Observation[0]];
        var first = Episode(11);
        var stateAfterFirst = env.NpRandom.State;
        Assert.Equal(first, Episode(11));
        Assert.Equal(stateAfterFirst, env.NpRandom.State);
        Assert.NotEqual(first, Episode(12));
    }

    [Fact]
    public void Unseeded_envs_draw_different_entropy_seeds()
    {
        var a = new GenericTestEnv();
        var b = new GenericTestEnv();
        var first = a.Reset().Observation[0];
        var second = b.Reset().Observation[0];
        Assert.Null(a.NpRandomSeed);
        Assert.Null(b.NpRandomSeed);
        Assert.NotEqual(a.NpRandom.State, b.NpRandom.State);
        Assert.NotEqual(first, second);
    }
}
