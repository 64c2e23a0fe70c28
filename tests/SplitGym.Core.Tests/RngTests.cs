using FsCheck.Xunit;

namespace SplitGym.Core.Tests;

public sealed class RngTests
{
    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_outputs_for_state_1_2_3_4()
    {
        var rng = new Rng(0);
        rng.Restore(new RngState(1, 2, 3, 4));
        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], [rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()]);
    }

    [Fact]
    public void Seeding_uses_splitmix64_so_seed_zero_gives_its_reference_first_word()
    {
        Assert.Equal(0xE220A8397B1DCDAFUL, new Rng(0).State.S0);
    }

    [Property]
    public bool Same_seed_gives_the_same_stream(int seed)
    {
        var a = new Rng(seed);
        var b = new Rng(seed);
        return Enumerable.Range(0, 20).All(_ => a.NextUInt64() == b.NextUInt64());
    }

    [Property]
    public bool Restoring_a_saved_state_replays_the_stream(int seed, byte skip)
    {
        var rng = new Rng(seed);
        for (var i = 0; i < skip; i++)
        {
            rng.NextDouble();
        }
        var saved = rng.State;
        var first = Enumerable.Range(0, 10).Select(_ => rng.NextGaussian()).ToList();
        rng.Restore(saved);
        return first.SequenceEqual(Enumerable.Range(0, 10).Select(_ => rng.NextGaussian())) && rng.Clone().State == rng.State;
    }

    [Property]
    public bool NextInt_stays_in_its_range(int seed, int min, ushort width)
    {
        var rng = new Rng(seed);
        var max = (int)Math.Min((long)min + width + 1, int.MaxValue);
        return Enumerable.Range(0, 50).Select(_ => rng.NextInt(min, max)).All(x => x >= min && x < max);
    }

    [Fact]
    public void Gaussian_exponential_and_uniform_have_their_textbook_moments()
    {
        var rng = new Rng(42);
        const int n = 200_000;
        var gauss = Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        var expo = Enumerable.Range(0, n).Select(_ => rng.NextExponential()).ToArray();
        var unif = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        Assert.InRange(gauss.Average(), -0.01, 0.01);
        Assert.InRange(gauss.Select(x => x * x).Average(), 0.98, 1.02);
        Assert.InRange(expo.Average(), 0.98, 1.02);
        Assert.True(expo.All(x => x >= 0));
        Assert.InRange(unif.Average(), 0.495, 0.505);
        Assert.True(unif.All(x => x is >= 0 and < 1));
    }

    [Fact]
    public void Bad_arguments_fail_with_the_value_named()
    {
        var rng = new Rng(1);
        Assert.Contains("must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0)).Message);
        Assert.Contains("greater than minInclusive=5", Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(5, 5)).Message);
        Assert.Contains("all-zero", Assert.Throws<ArgumentException>(() => rng.Restore(default)).Message);
    }
}
