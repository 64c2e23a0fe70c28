using TorchSharp.Modules;
using static TorchSharp.torch.utils.tensorboard;

namespace SplitGym.Agents.Logging;

/// <summary>TensorBoard event files (TorchSharp's <c>SummaryWriter</c>), one scalar series per metric, x axis = env steps.</summary>
public sealed class TensorBoardOutput : ILogOutput
{
    private readonly SummaryWriter _writer;

    /// <summary>Writes event files into <paramref name="folder"/>.</summary>
    public TensorBoardOutput(string folder) => _writer = SummaryWriter(folder, createRunName: false);

    /// <inheritdoc />
    public void Write(IReadOnlyDictionary<string, double> values, long step)
    {
        int globalStep = (int)Math.Min(step, int.MaxValue);
        foreach (var (key, value) in values) _writer.add_scalar(key, (float)value, globalStep);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
