using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.Spaces;

/// <summary>Discrete, MultiDiscrete and MultiBinary: membership and masked sampling.</summary>
public sealed class DiscreteSpaceTests
{
    [Property]
    public Property Discrete_contains_exactly_start_to_start_plus_n_minus_1() =>
        Prop.ForAll(SpaceGenerators.Discretes.ToArbitrary(), Gen.Choose(-200, 200).ToArbitrary(), (space, x) =>
            space.Contains(x) == (x >= space.Start && x < space.Start + space.N));

    [Property]
    public Property Discrete_masked_samples_respect_the_mask() =>
        Prop.ForAll(SpaceGenerators.Discretes.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (space, seed) =>
        {
            var rng = new Rng(seed);
            var mask = Enumerable.Range(0, space.N).Select(_ => rng.NextInt(2) == 1).ToArray();
            space.Seed(seed);
            var samples = Enumerable.Range(0, 30).Select(_ => space.Sample(mask)).ToList();
            return mask.Any(m => m)
                ? samples.All(s => mask[s - space.Start])
                : samples.All(s => s == space.Start);
        });

    [Fact]
    public void Discrete_masked_sampling_is_uniform_over_the_allowed_elements()
    {
        var space = new Discrete(5, start: 10);
        space.Seed(4);
        var counts = Enumerable.Range(0, 30_000).Select(_ => space.Sample([true, false, true, false, true])).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([10, 12, 14], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Discrete_probability_sampling_follows_the_given_distribution_and_never_picks_zero_probability()
    {
        var space = new Discrete(4, start: -1);
        space.Seed(8);
        var counts = Enumerable.Range(0, 40_000).Select(_ => space.SampleWithProbability([0.1, 0.0, 0.6, 0.3])).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([-1, 1, 2], counts.Keys.Order());
        Assert.InRange(counts[-1], 3_600, 4_400);
        Assert.InRange(counts[1], 23_400, 24_600);
        Assert.Contains("sum to 1, got 0.5", Assert.Throws<ArgumentException>(() => space.SampleWithProbability([0.5, 0, 0, 0])).Message);
        Assert.Contains("in [0, 1], got -0.5", Assert.Throws<ArgumentException>(() => space.SampleWithProbability([0.5, -0.5, 0.5, 0.5])).Message);
        Assert.Contains("Expected 4 probabilities", Assert.Throws<ArgumentException>(() => space.SampleWithProbability([1.0])).Message);
    }

    [Property]
    public Property MultiDiscrete_masked_samples_respect_each_coordinate_mask() =>
        Prop.ForAll(SpaceGenerators.MultiDiscretes.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (space, seed) =>
        {
            var rng = new Rng(seed);
            var masks = space.Nvec.ToArray().Select(n => Enumerable.Range(0, n).Select(_ => rng.NextInt(2) == 1).ToArray()).ToArray();
            space.Seed(seed);
            var sample = space.Sample(masks);
            return sample.Select((v, i) => masks[i].Any(m => m) ? masks[i][v - space.Start[i]] : v == space.Start[i]).All(ok => ok);
        });

    [Property]
    public Property MultiBinary_masked_samples_keep_forced_bits() =>
        Prop.ForAll(SpaceGenerators.MultiBinaries.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (space, seed) =>
        {
            var rng = new Rng(seed);
            var mask = Enumerable.Range(0, space.Size).Select(_ => (byte)rng.NextInt(3)).ToArray();
            space.Seed(seed);
            var sample = space.Sample(mask);
            return space.Contains(sample) && sample.Select((b, i) => mask[i] == MultiBinary.Free || b == mask[i]).All(ok => ok);
        });

    [Fact]
    public void Bad_masks_and_sizes_are_rejected_with_the_expected_shape()
    {
        Assert.Contains("mask of length 3", Assert.Throws<ArgumentException>(() => new Discrete(3).Sample([true])).Message);
        Assert.Contains("one mask per coordinate (2)", Assert.Throws<ArgumentException>(() => new MultiDiscrete([2, 2]).Sample([[true, true]])).Message);
        Assert.Contains("must be 0, 1 or 2; got 7", Assert.Throws<ArgumentException>(() => new MultiBinary(1).Sample([7])).Message);
        Assert.Contains("positive number of elements", Assert.Throws<ArgumentOutOfRangeException>(() => new Discrete(0)).Message);
        Assert.Contains("start must have 2 entries", Assert.Throws<ArgumentException>(() => new MultiDiscrete([2, 2], [0])).Message);
        Assert.Contains("got [0]", Assert.Throws<ArgumentException>(() => new MultiBinary(0)).Message);
    }

    [Fact]
    public void MultiBinary_and_MultiDiscrete_membership()
    {
        Assert.True(new MultiBinary(3).Contains([0, 1, 1]));
        Assert.False(new MultiBinary(3).Contains([0, 2, 1]));
        Assert.False(new MultiBinary(3).Contains([0, 1]));
        Assert.True(new MultiDiscrete([3, 2], [-1, 5]).Contains([-1, 6]));
        Assert.False(new MultiDiscrete([3, 2], [-1, 5]).Contains([2, 6]));
    }
}
