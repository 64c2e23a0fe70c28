using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Agents.ModelBased;
using SplitGym.Core;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Channel;

namespace SplitGym.Agents.Tests.ModelBased;

/// <summary>Invariants of the design, the region map and the acquisition.</summary>
public sealed class DesignAndAcquisitionTests
{
    [Property(MaxTest = 50)]
    public void LatinHypercubeHasOnePointPerCellInEveryDimension(PositiveInt countSeed, PositiveInt dimensionSeed, int seed)
    {
        int count = countSeed.Get % 60 + 1, dimensions = dimensionSeed.Get % 4 + 1;
        var design = SpaceFillingDesign.LatinHypercube(count, dimensions, new Rng(seed), tries: 3);
        Assert.Equal(count, design.Length);
        for (int d = 0; d < dimensions; d++)
        {
            var cells = design.Select(p => (int)Math.Floor(p[d] * count)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, count), cells);
        }
    }

    [Fact]
    public void MaximinDesignIsNoWorseThanOneRandomLatinHypercube()
    {
        var single = SpaceFillingDesign.LatinHypercube(40, 3, new Rng(5), tries: 1);
        var best = SpaceFillingDesign.LatinHypercube(40, 3, new Rng(5), tries: 32);
        Assert.True(SpaceFillingDesign.MinimumDistance(best) >= SpaceFillingDesign.MinimumDistance(single));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpaceFillingDesign.LatinHypercube(0, 3, new Rng(1)));
    }

    [Property(MaxTest = 200)]
    public void RegionMapRoundTripsSplitsAndChannels(PositiveInt splitSeed, NormalFloat a, NormalFloat b)
    {
        var region = new DesignRegion(1, 31, new ChannelRange(0, 64, 0.5, 8));
        int split = splitSeed.Get % 31 + 1;
        var query = region.FromUnit([0.5, Math.Abs(a.Get) % 1, Math.Abs(b.Get) % 1]) with { Split = split };
        var unit = region.ToUnit(query);
        Assert.All(unit, u => Assert.InRange(u, 0, 1));
        var back = region.FromUnit(unit);
        Assert.Equal(split, back.Split);
        Assert.Equal(query.Channel.Sigma, back.Channel.Sigma, 9);
        Assert.Equal(query.Channel.Shape, back.Channel.Shape, 9);
        Assert.Throws<ArgumentException>(() => region.FromUnit([0.5, 0.5]));
    }

    [Property(MaxTest = 200)]
    public void AcquisitionNeverExceedsItsBudgetAndKeepsItsDistance(int seed, int budget, NormalFloat radiusSeed)
    {
        var rng = new Rng(seed);
        int count = rng.NextInt(0, 80);
        double radius = Math.Abs(radiusSeed.Get) % 0.3;
        var candidates = SpaceFillingDesign.Uniform(Math.Max(count, 1), 3, rng).Take(count).ToList();
        var scores = candidates.Select(_ => rng.NextDouble()).ToList();
        var evaluated = SpaceFillingDesign.Uniform(5, 3, rng).ToList();
        var chosen = Acquisition.Select(candidates, scores, budget, radius, evaluated);
        Assert.True(chosen.Count <= Math.Max(0, budget), $"Chose {chosen.Count} with budget {budget}.");
        Assert.Equal(chosen.Count, chosen.Distinct().Count());
        foreach (int i in chosen)
        {
            Assert.All(evaluated, e => Assert.True(SpaceFillingDesign.Distance(e, candidates[i]) >= radius));
            Assert.All(chosen.Where(j => j != i), j => Assert.True(SpaceFillingDesign.Distance(candidates[j], candidates[i]) >= radius));
        }
        for (int k = 1; k < chosen.Count; k++) Assert.True(scores[chosen[k - 1]] >= scores[chosen[k]]);
    }

    [Fact]
    public void AcquisitionTakesTheHighestScoresWhenNothingIsClose()
    {
        double[][] candidates = [[0.1, 0.1, 0.1], [0.5, 0.5, 0.5], [0.9, 0.9, 0.9], [0.9, 0.1, 0.5]];
        var chosen = Acquisition.Select(candidates, [0.3, 0.9, 0.1, 0.5], 2, 0.05, []);
        Assert.Equal([1, 3], chosen);
        var crowded = Acquisition.Select(candidates, [0.3, 0.9, 0.1, 0.5], 4, 0.05, [[0.5, 0.5, 0.51]]);
        Assert.DoesNotContain(1, crowded);
        Assert.Throws<ArgumentException>(() => Acquisition.Select(candidates, [0.1], 1, 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Acquisition.Select(candidates, [0.1, 0.2, 0.3, 0.4], 1, -1, []));
    }

    [Fact]
    public void RealEvaluatorRefusesBeyondItsBudgetAndMatchesTheBackendCount()
    {
        var backend = Envs.Tests.SyntheticTable.Backend();
        var ledger = new EvaluationLedger();
        var evaluator = new RealEvaluator(backend, ledger, new Rng(1)) { Budget = 3 };
        var query = new ModelQuery(4, new ChannelState(0.2, 1));
        for (int i = 0; i < 3; i++) evaluator.Measure(query, 0, AcquisitionSource.Design);
        var refused = Assert.Throws<InvalidOperationException>(() => evaluator.Measure(query, 0, AcquisitionSource.Design));
        Assert.Contains("budget of 3", refused.Message);
        Assert.Equal(3, ledger.Count);
        Assert.Equal(3, backend.LiveEvaluations);
        Assert.All(ledger.Records, r => Assert.InRange(r.Perplexity / Envs.Tests.SyntheticTable.Law(4, 0.2, 1), 0.8, 1.25));
        var uncounted = Assert.Throws<InvalidOperationException>(() => new RealEvaluator(backend, ledger, new Rng(1)) { Budget = 10 }.Spend(query, 0, AcquisitionSource.Design, () => 5.0));
        Assert.Contains("counted 0", uncounted.Message);
    }
}
