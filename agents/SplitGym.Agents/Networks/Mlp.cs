using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.Networks;

/// <summary>Builds a plain multilayer perceptron: Linear, activation, …, Linear (no activation on the output).</summary>
public static class Mlp
{
    /// <summary>Linear layers of widths input → hidden… → output with <paramref name="activation"/> between them.</summary>
    /// <param name="input">Input features.</param>
    /// <param name="hidden">Hidden widths.</param>
    /// <param name="output">Output features.</param>
    /// <param name="activation">Makes one activation module.</param>
    /// <returns>The network and its linear layers in order (the last one is the output layer).</returns>
    public static (Sequential Network, Linear[] Layers) Build(int input, IReadOnlyList<int> hidden, int output, Func<nn.Module<Tensor, Tensor>> activation)
    {
        var modules = new List<nn.Module<Tensor, Tensor>>();
        var layers = new List<Linear>();
        int width = input;
        foreach (int next in hidden)
        {
            if (next <= 0) throw new ArgumentOutOfRangeException(nameof(hidden), next, $"Hidden widths must be positive; got [{string.Join(", ", hidden)}].");
            layers.Add(nn.Linear(width, next));
            modules.Add(layers[^1]);
            modules.Add(activation());
            width = next;
        }
        layers.Add(nn.Linear(width, output));
        modules.Add(layers[^1]);
        return (nn.Sequential(modules), [.. layers]);
    }
}
