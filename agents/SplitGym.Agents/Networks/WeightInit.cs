using SplitGym.Core;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.Networks;

/// <summary>
/// Weight initialisations drawn from an agent's own <see cref="Rng"/> rather than torch's global
/// generator, so that a seed fixes the initial network regardless of what else uses torch in the process.
/// </summary>
public static class WeightInit
{
    /// <summary>
    /// Orthogonal weights scaled by <paramref name="gain"/> and zero bias (SB3's on-policy init): QR of
    /// a standard normal matrix with the signs of R's diagonal folded into Q, as <c>torch.nn.init.orthogonal_</c>.
    /// </summary>
    public static void Orthogonal(Linear layer, double gain, Rng rng)
    {
        using var scope = NewDisposeScope();
        long rows = layer.weight!.shape[0], cols = layer.weight.shape[1];
        bool transpose = rows < cols;
        long tall = Math.Max(rows, cols), wide = Math.Min(rows, cols);
        var gaussian = new double[tall * wide];
        for (int i = 0; i < gaussian.Length; i++) gaussian[i] = rng.NextGaussian();
        var (q, r) = linalg.qr(tensor(gaussian, [tall, wide]));
        q = q * r.diagonal().sign();
        if (transpose) q = q.t();
        using (no_grad())
        {
            layer.weight.copy_((q * gain).to(float32));
            layer.bias?.zero_();
        }
    }

    /// <summary>
    /// PyTorch's default <c>nn.Linear</c> init (weights and bias uniform in ±1/√fan_in), which SB3's DQN keeps.
    /// </summary>
    public static void Default(Linear layer, Rng rng)
    {
        using var scope = NewDisposeScope();
        long fanIn = layer.weight!.shape[1];
        double bound = 1 / Math.Sqrt(fanIn);
        using (no_grad())
        {
            layer.weight.copy_(Uniform(layer.weight.shape, bound, rng));
            layer.bias?.copy_(Uniform(layer.bias.shape, bound, rng));
        }
    }

    /// <summary>A float32 tensor of <paramref name="shape"/> with entries uniform in ±<paramref name="bound"/>, drawn from <paramref name="rng"/>.</summary>
    internal static Tensor Uniform(long[] shape, double bound, Rng rng)
    {
        var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < values.Length; i++) values[i] = (float)rng.NextUniform(-bound, bound);
        return tensor(values, shape);
    }
}
