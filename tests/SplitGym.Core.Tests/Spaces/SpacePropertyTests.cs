using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Checking;
using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.Spaces;

/// <summary>Properties every space must have: samples are members, seeded samples repeat, JSON round-trips.</summary>
public sealed class SpacePropertyTests
{
    [Property]
    public Property Every_sample_is_contained_in_its_space() =>
        Prop.ForAll(SpaceGenerators.AnySpace, Gen.Choose(0, int.MaxValue).ToArbitrary(), (space, seed) =>
        {
            space.Seed(seed);
            return Enumerable.Range(0, 20).All(_ => space.ContainsObject(space.SampleObject()));
        });

    [Property]
    public Property Seeded_samples_are_reproducible() =>
        Prop.ForAll(SpaceGenerators.AnySpace, Gen.Choose(0, int.MaxValue).ToArbitrary(), (space, seed) =>
        {
            space.Seed(seed);
            var first = Enumerable.Range(0, 5).Select(_ => space.SampleObject()).ToList();
            var copy = Space.FromJson(space.ToJson());
            copy.Seed(seed);
            space.Seed(seed);
            return first.Zip(Enumerable.Range(0, 5).Select(_ => space.SampleObject())).All(p => DataEquivalence.Equivalent(p.First, p.Second, exact: true))
                && first.Zip(Enumerable.Range(0, 5).Select(_ => copy.SampleObject())).All(p => DataEquivalence.Equivalent(p.First, p.Second, exact: true));
        });

    [Property]
    public Property Json_round_trip_gives_an_equal_space() =>
        Prop.ForAll(SpaceGenerators.AnySpace, space =>
        {
            var text = space.ToJson();
            var back = Space.FromJson(text);
            var viaSerializer = System.Text.Json.JsonSerializer.Deserialize<Space>(System.Text.Json.JsonSerializer.Serialize(space));
            return back.Equals(space) && back.GetHashCode() == space.GetHashCode() && space.Equals(viaSerializer) && back.ToJson() == text;
        });

    [Property]
    public Property Spaces_of_different_kinds_or_sizes_are_not_equal() =>
        Prop.ForAll(SpaceGenerators.AnySpace, SpaceGenerators.AnySpace, (a, b) => a.Equals(b) == (a.ToJson() == b.ToJson()));

    [Fact]
    public void Typed_json_deserialisation_rejects_another_kind_of_space()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new Discrete(3));
        var error = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<Box<float>>(json));
        Assert.Contains("Expected a Box`1 but the JSON describes Discrete(3)", error.Message);
    }

    [Theory]
    [InlineData("{\"type\":\"Cube\"}", "Unknown space type 'Cube'")]
    [InlineData("{\"n\":3}", "lacks the required field 'type'")]
    [InlineData("{\"type\":\"Discrete\",\"n\":0}", "positive number of elements")]
    [InlineData("{\"type\":\"Box\",\"dtype\":\"float16\",\"shape\":[1],\"low\":[0],\"high\":[1]}", "Unknown Box dtype 'float16'")]
    [InlineData("{\"type\":\"Box\",\"dtype\":\"float32\",\"shape\":[1],\"low\":[2],\"high\":[1]}", "low=2, high=1")]
    [InlineData("{\"type\":\"Box\",\"dtype\":\"float32\",\"shape\":[2],\"low\":[0],\"high\":[1]}", "must have 2 values for shape [2]")]
    [InlineData("{\"type\":\"Box\",\"dtype\":\"float32\",\"shape\":[1],\"low\":[\"-infinity\"],\"high\":[1]}", "Expected a number, \"inf\" or \"-inf\", got \"-infinity\"")]
    [InlineData("{\"type\":\"MultiDiscrete\",\"nvec\":[2,0]}", "every nvec entry positive")]
    [InlineData("{\"type\":\"Dict\",\"spaces\":[]}", "must be a JSON object of named spaces")]
    [InlineData("[1,2]", "Expected a JSON object describing a space")]
    public void Malformed_json_is_rejected_with_the_reason(string json, string expected)
    {
        var error = Record.Exception(() => Space.FromJson(json));
        Assert.NotNull(error);
        Assert.Contains(expected, error.Message);
    }
}
