namespace SplitGym.Agents.Tests;

/// <summary>The test host runs with the large gen-0 GC budget of tests/test.runsettings (the TorchSharp scalar-race mitigation).</summary>
public sealed class TestHostTests
{
    [Fact]
    public void TestHostHasTheLargeGen0Budget() =>
        Assert.Equal("0x10000000", Environment.GetEnvironmentVariable("DOTNET_GCgen0size"));
}
