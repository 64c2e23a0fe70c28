using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Tests.Reference;

namespace SplitGym.Llm.Tests.Checkpoints;

/// <summary>A safetensors header must name each key once and its byte ranges must tile the data section; the key order is free.</summary>
public class SafetensorsHeaderConsistencyTests
{
    private const string TwoFloats = "\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":";

    [Theory]
    [InlineData("{\"a\":{" + TwoFloats + "[0,8]},\"a\":{" + TwoFloats + "[8,16]}}", 16, "header: key 'a' appears 2 times")]
    [InlineData("{\"__metadata__\":{},\"__metadata__\":{},\"a\":{" + TwoFloats + "[0,8]}}", 8, "header: key '__metadata__' appears 2 times")]
    [InlineData("{\"__metadata__\":{\"format\":\"pt\",\"format\":\"np\"},\"a\":{" + TwoFloats + "[0,8]}}", 8, "__metadata__: key 'format' appears 2 times")]
    [InlineData("{\"a\":{" + TwoFloats + "[0,8]},\"b\":{" + TwoFloats + "[4,12]}}", 12, "tensor 'b' bytes [4, 12) overlap tensor 'a' bytes [0, 8)")]
    [InlineData("{\"a\":{" + TwoFloats + "[0,8]},\"b\":{" + TwoFloats + "[0,8]}}", 8, "overlap tensor 'a' bytes [0, 8)")]
    [InlineData("{\"a\":{" + TwoFloats + "[0,8]},\"b\":{" + TwoFloats + "[12,20]}}", 20, "data bytes [8, 12) before tensor 'b' belong to no tensor")]
    [InlineData("{\"a\":{" + TwoFloats + "[4,12]}}", 12, "data bytes [0, 4) before tensor 'a' belong to no tensor")]
    [InlineData("{\"a\":{" + TwoFloats + "[0,8]}}", 12, "the tensors end at data byte 8, but the data section has 12 bytes")]
    [InlineData("{\"a\":{" + TwoFloats + "[8,0]}}", 8, "data_offsets [8, 0] must be [begin, end]")]
    public void InconsistentHeaderIsRejectedNamingTheProblem(string header, int dataBytes, string expected)
    {
        using var directory = new TempDirectory();
        var path = directory.File("forged.safetensors");
        PlainSafetensors.WriteWithHeader(path, header, new byte[dataBytes]);
        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Open(path));
        Assert.Contains(expected, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void HeaderKeysNeedNotFollowTheDataOrder()
    {
        using var directory = new TempDirectory();
        var path = directory.File("reordered.safetensors");
        PlainSafetensors.WriteWithHeader(path, "{\"b\":{" + TwoFloats + "[8,16]},\"a\":{" + TwoFloats + "[0,8]}}", PlainSafetensors.FloatBytes([1f, 2f, 3f, 4f]));
        using var file = SafetensorsFile.Open(path);
        using var a = file.ReadTensor("a");
        using var b = file.ReadTensor("b");
        Assert.Equal([1f, 2f], a.data<float>().ToArray());
        Assert.Equal([3f, 4f], b.data<float>().ToArray());
    }
}
