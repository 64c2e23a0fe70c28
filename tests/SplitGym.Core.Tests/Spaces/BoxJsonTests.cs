using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.Spaces;

/// <summary>The JSON form of Box: integer bounds are exact JSON integers, floating-point bounds keep their double form.</summary>
public sealed class BoxJsonTests
{
    [Property]
    public Property Int64_boxes_anywhere_in_the_int64_range_round_trip_exactly() =>
        Prop.ForAll(SpaceGenerators.LongBoxes, box =>
        {
            var back = (Box<long>)Space.FromJson(box.ToJson());
            return back.Low.SequenceEqual(box.Low) && back.High.SequenceEqual(box.High);
        });

    [Fact]
    public void A_full_range_int64_box_is_written_as_exact_integers_and_read_back()
    {
        var box = new Box<long>(long.MinValue, long.MaxValue, 2);
        var json = box.ToJson();
        Assert.Equal("""{"type":"Box","dtype":"int64","shape":[2],"low":[-9223372036854775808,-9223372036854775808],"high":[9223372036854775807,9223372036854775807]}""", json);
        Assert.Equal(box, Space.FromJson(json));
    }

    [Fact]
    public void Int64_bounds_a_double_cannot_hold_come_back_unchanged()
    {
        var low = (1L << 53) + 1;
        var back = (Box<long>)Space.FromJson(new Box<long>([low], [low + 2]).ToJson());
        Assert.Equal([low], back.Low.ToArray());
        Assert.Equal([low + 2], back.High.ToArray());
    }

    [Fact]
    public void Float_boxes_keep_their_json_form_with_infinities_as_strings()
    {
        Assert.Equal(
            """{"type":"Box","dtype":"float32","shape":[3],"low":[-1.5,"-inf",0.10000000149011612],"high":[2,"inf",1]}""",
            new Box<float>([-1.5f, float.NegativeInfinity, 0.1f], [2f, float.PositiveInfinity, 1f]).ToJson());
        Assert.Equal(
            """{"type":"Box","dtype":"float64","shape":[1],"low":["-inf"],"high":[0.1]}""",
            new Box<double>([double.NegativeInfinity], [0.1]).ToJson());
    }

    [Theory]
    [InlineData("int32", "[0.5]", "[1]", "Space field 'low' must hold JSON integers within int64, got 0.5")]
    [InlineData("int64", "[0]", "[9223372036854775808]", "Space field 'high' must hold JSON integers within int64, got 9223372036854775808")]
    [InlineData("int64", "[\"-inf\"]", "[0]", "Space field 'low' must hold JSON integers within int64, got \"-inf\"")]
    [InlineData("int32", "[0]", "[3000000000]", "Box bound 'high' value 3000000000 is outside the range of the dtype int32")]
    [InlineData("uint8", "[-1]", "[1]", "Box bound 'low' value -1 is outside the range of the dtype uint8")]
    public void Integer_bounds_that_the_dtype_cannot_hold_are_rejected(string dtype, string low, string high, string expected)
    {
        var json = $$"""{"type":"Box","dtype":"{{dtype}}","shape":[1],"low":{{low}},"high":{{high}}}""";
        Assert.Contains(expected, Assert.Throws<FormatException>(() => Space.FromJson(json)).Message);
    }
}
