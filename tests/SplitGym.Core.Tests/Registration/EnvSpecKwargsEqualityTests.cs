using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Classic;
using SplitGym.Core.Registration;

namespace SplitGym.Core.Tests.Registration;

/// <summary>Spec equality compares collection-valued kwargs by value, and equal specs hash alike.</summary>
public sealed class EnvSpecKwargsEqualityTests
{
    [Property]
    public Property Specs_with_float_array_kwargs_are_equal_exactly_when_the_arrays_hold_the_same_values() =>
        Prop.ForAll(FloatArrays, FloatArrays, (a, b) =>
        {
            var first = With(a);
            var copy = With(a.ToArray());
            var other = With(b);
            return first.Equals(copy) && first.GetHashCode() == copy.GetHashCode()
                && first.Equals(other) == a.SequenceEqual(b)
                && (!first.Equals(other) || first.GetHashCode() == other.GetHashCode());
        });

    [Fact]
    public void Equal_float_arrays_in_different_objects_make_equal_specs()
    {
        var first = With(new float[] { 0.5f, 1.5f });
        var second = With(new float[] { 0.5f, 1.5f });
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, With(new float[] { 0.5f, 2.5f }));
    }

    [Fact]
    public void Collections_compare_by_type_shape_and_elements_and_dictionaries_by_entries_in_any_order()
    {
        Assert.NotEqual(With(new float[] { 1f }), With(new double[] { 1.0 }));
        Assert.NotEqual(With(new int[2, 3]), With(new int[3, 2]));
        Assert.Equal(With(new List<int[]> { new[] { 1, 2 } }), With(new List<int[]> { new[] { 1, 2 } }));
        var ab = With(new Dictionary<string, object> { ["a"] = new[] { 1 }, ["b"] = "x" });
        var ba = With(new Dictionary<string, object> { ["b"] = "x", ["a"] = new[] { 1 } });
        Assert.Equal(ab, ba);
        Assert.Equal(ab.GetHashCode(), ba.GetHashCode());
        Assert.NotEqual(ab, With(new Dictionary<string, object> { ["a"] = new[] { 2 }, ["b"] = "x" }));
        Assert.NotEqual(With("ab"), With(new[] { 'a', 'b' }));
    }

    private static Arbitrary<float[]> FloatArrays =>
        Gen.Choose(-3, 3).Select(v => v / 2f).ArrayOf().ToArbitrary();

    private static EnvSpec With(object value) =>
        Registry.Default.Spec(CartPoleEnv.Id) with { Kwargs = new Dictionary<string, object?> { ["weights"] = value } };
}
