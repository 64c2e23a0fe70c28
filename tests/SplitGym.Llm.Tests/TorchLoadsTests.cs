using TorchSharp;

namespace SplitGym.Llm.Tests;

public class TorchLoadsTests
{
    [Fact]
    public void NativeLibraryLoadsAndComputes()
    {
        using var a = torch.ones(2, 3);
        using var s = a.sum();
        Assert.Equal(6f, s.item<float>());
    }
}
