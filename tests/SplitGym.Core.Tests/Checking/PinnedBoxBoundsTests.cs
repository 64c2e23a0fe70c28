using SplitGym.Core.Checking;
using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.Checking;

/// <summary>The "maximum and minimum values are equal" warning compares bounds in the Box's own element type.</summary>
public class PinnedBoxBoundsTests
{
    private const string Warning = "A Box observation space maximum and minimum values are equal";

    private static List<string> WarningsFor(Space space)
    {
        var warnings = new List<string>();
        PassiveChecks.CheckObservationSpace(space, warnings.Add);
        return warnings;
    }

    [Fact]
    public void Int64BoundsThatDifferOnlyBeyondTwoToThe53AreNotEqual()
    {
        const long low = 1L << 53;
        Assert.Equal((double)low, (double)(low + 1)); // as doubles they would look pinned
        Assert.DoesNotContain(WarningsFor(new Box<long>(low, low + 1, 1)), w => w.StartsWith(Warning, StringComparison.Ordinal));
    }

    [Fact]
    public void EqualInt64BoundsAreWarnedAbout() =>
        Assert.Contains(WarningsFor(new Box<long>(long.MaxValue, long.MaxValue, 1)), w => w.StartsWith(Warning, StringComparison.Ordinal));

    [Fact]
    public void OnePinnedCoordinateIsEnough() =>
        Assert.Contains(WarningsFor(new Box<float>([0f, 2f], [1f, 2f])), w => w.StartsWith(Warning + " (coordinate 1: 2)", StringComparison.Ordinal));
}
