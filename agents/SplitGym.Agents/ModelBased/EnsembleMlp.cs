using SplitGym.Core;
using SplitGym.Agents.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// E independent MLPs with one output, evaluated as one batched network: layer weights are [E, in, out]
/// and inputs [E, N, in], so training the whole ensemble is one forward/backward per step.
/// Initialised as PyTorch's <c>nn.Linear</c> (uniform ±1/√fan_in) from the caller's generator.
/// </summary>
internal sealed class EnsembleMlp : nn.Module<Tensor, Tensor>
{
    private readonly Parameter[] _weights;
    private readonly Parameter[] _biases;
    private readonly SurrogateActivation _activation;

    public EnsembleMlp(int members, int inputs, IReadOnlyList<int> hidden, SurrogateActivation activation, Rng rng) : base(nameof(EnsembleMlp))
    {
        _activation = activation;
        int[] widths = [inputs, .. hidden, 1];
        _weights = new Parameter[widths.Length - 1];
        _biases = new Parameter[widths.Length - 1];
        for (int l = 0; l < _weights.Length; l++)
        {
            double bound = 1 / Math.Sqrt(widths[l]);
            _weights[l] = new Parameter(WeightInit.Uniform([members, widths[l], widths[l + 1]], bound, rng));
            _biases[l] = new Parameter(WeightInit.Uniform([members, 1, widths[l + 1]], bound, rng));
            register_parameter($"weight{l}", _weights[l]);
            register_parameter($"bias{l}", _biases[l]);
        }
    }

    /// <summary>Predictions [E, N] for inputs [E, N, in] (or [N, in], shared by every member).</summary>
    public override Tensor forward(Tensor inputs)
    {
        var h = inputs.dim() == 2 ? inputs.unsqueeze(0).expand(_weights[0].shape[0], -1, -1) : inputs;
        for (int l = 0; l < _weights.Length; l++)
        {
            h = h.bmm(_weights[l]) + _biases[l];
            if (l < _weights.Length - 1) h = _activation == SurrogateActivation.Tanh ? h.tanh() : nn.functional.relu(h);
        }
        return h.squeeze(-1);
    }
}
