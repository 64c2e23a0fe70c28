using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.Spaces;

public sealed class CompositeSpaceTests
{
    private static DictSpace Sample() => new([
        KeyValuePair.Create("position", (Space)new Box<float>(-1f, 1f, 2)),
        KeyValuePair.Create("mode", (Space)new Discrete(3)),
    ]);

    [Fact]
    public void Dict_keys_are_sorted_and_membership_needs_every_key()
    {
        var space = Sample();
        Assert.Equal(["mode", "position"], space.Spaces.Keys);
        Assert.True(space.Contains(new Dictionary<string, object> { ["mode"] = 2, ["position"] = new[] { 0f, 0.5f } }));
        Assert.False(space.Contains(new Dictionary<string, object> { ["mode"] = 2 }));
        Assert.False(space.Contains(new Dictionary<string, object> { ["mode"] = 3, ["position"] = new[] { 0f, 0.5f } }));
        Assert.False(space.Contains(new Dictionary<string, object> { ["mode"] = 2, ["speed"] = new[] { 0f, 0.5f } }));
        Assert.Contains("no key 'speed'; keys: mode, position", Assert.Throws<KeyNotFoundException>(() => space["speed"]).Message);
    }

    [Fact]
    public void Tuple_membership_is_positional()
    {
        var space = new TupleSpace(new Discrete(2), new MultiBinary(2));
        Assert.True(space.Contains([1, new byte[] { 0, 1 }]));
        Assert.False(space.Contains([new byte[] { 0, 1 }, 1]));
        Assert.False(space.Contains([1]));
    }

    [Fact]
    public void Seeding_a_composite_seeds_its_children_reproducibly()
    {
        var a = Sample();
        var b = Sample();
        a.Seed(5);
        b.Seed(5);
        Assert.Equal(a.Sample()["mode"], b.Sample()["mode"]);
        Assert.Equal((float[])a.Sample()["position"], (float[])b.Sample()["position"]);
    }

    [Fact]
    public void Flattening_matches_gymnasiums_layout()
    {
        var space = Sample();
        var flat = SpaceFlattening.Flatten(space, new Dictionary<string, object> { ["mode"] = 1, ["position"] = new[] { -0.5f, 0.25f } });
        Assert.Equal([0f, 1f, 0f, -0.5f, 0.25f], flat);
        var box = SpaceFlattening.FlattenSpace(space);
        Assert.Equal([0f, 0f, 0f, -1f, -1f], box.Low.ToArray());
        Assert.Equal([1f, 1f, 1f, 1f, 1f], box.High.ToArray());
        Assert.Equal(5, SpaceFlattening.FlatDim(space));
        Assert.Equal([0f, 0f, 1f, 1f, 0f], SpaceFlattening.Flatten(new MultiDiscrete([3, 2], [0, 4]), new[] { 2, 4 }));
        Assert.Contains("offset in [0, 3)", Assert.Throws<ArgumentOutOfRangeException>(() => SpaceFlattening.Flatten(new Discrete(3), 5)).Message);
    }
}
