using SplitGym.Core.Checking;

namespace SplitGym.Core.Tests.Checking;

public sealed class DataEquivalenceTests
{
    [Fact]
    public void Arrays_are_equivalent_within_1e_5_and_equal_only_exactly()
    {
        Assert.True(DataEquivalence.Equivalent(new[] { 1f, 2f }, new[] { 1f, 2.000001f }));
        Assert.False(DataEquivalence.Equivalent(new[] { 1f, 2f }, new[] { 1f, 2.000001f }, exact: true));
        Assert.False(DataEquivalence.Equivalent(new[] { 1f, 2f }, new[] { 1f, 2.1f }));
        Assert.False(DataEquivalence.Equivalent(new[] { 1f }, new[] { 1f, 2f }));
        Assert.False(DataEquivalence.Equivalent(new[] { 1f }, new[] { 1.0 }));
        Assert.False(DataEquivalence.Equivalent(new[] { float.NaN }, new[] { float.NaN }));
    }

    [Fact]
    public void Dictionaries_lists_and_scalars_compare_structurally()
    {
        Assert.True(DataEquivalence.Equivalent(new Info { ["a"] = 1.0, ["b"] = new[] { 1, 2 } }, new Info { ["b"] = new[] { 1, 2 }, ["a"] = 1.0 }));
        Assert.False(DataEquivalence.Equivalent(new Info { ["a"] = 1.0 }, new Info { ["a"] = 1 }));
        Assert.False(DataEquivalence.Equivalent(new Info { ["a"] = 1.0 }, new Info { ["c"] = 1.0 }));
        Assert.False(DataEquivalence.Equivalent(double.NaN, double.NaN));
        Assert.True(DataEquivalence.Equivalent(null, null));
        Assert.False(DataEquivalence.Equivalent(null, 1));
    }
}
