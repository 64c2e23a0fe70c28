using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.Model;
using SplitGym.Llm.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Model;

public class ComputeDeviceTests
{
    [Fact]
    public void PreferredFollowsCudaAvailability()
    {
        var expected = cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;
        Assert.Equal(expected, ComputeDevice.Preferred().type);
        Assert.Equal(expected, ComputeDevice.Parse("auto").type);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void CpuIsAlwaysAvailable(string name) => Assert.Equal(DeviceType.CPU, ComputeDevice.Parse(name).type);

    [Theory]
    [InlineData("cuda")]
    [InlineData("cuda:0")]
    public void CudaIsRefusedClearlyWhereThereIsNoGpu(string name)
    {
        if (cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, ComputeDevice.Parse(name).type);
            return;
        }
        var problem = Assert.Throws<ArgumentException>(() => ComputeDevice.Parse(name));
        Assert.Contains($"Device '{name}' was requested, but torch.cuda.is_available() is false", problem.Message);
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("")]
    public void UnknownNamesAreRefusedWithTheAcceptedList(string name)
    {
        var problem = Assert.Throws<ArgumentException>(() => ComputeDevice.Parse(name));
        Assert.Equal($"Device '{name}' is not recognised; expected {ComputeDevice.AcceptedNames}.", problem.Message);
    }

    [Fact]
    public void CheckpointsLoadOntoThePreferredDeviceByDefault()
    {
        using var directory = new TempDirectory();
        using (var model = new LlamaForCausalLM(LlamaForCausalLMTests.Tiny, seed: 3)) Checkpoint.Save(model, directory.Path);
        using var loaded = Checkpoint.Load(directory.Path);
        var preferred = ComputeDevice.Preferred().type;
        Assert.All(loaded.parameters(), parameter => Assert.Equal(preferred, parameter.device.type));
    }
}
