using SplitGym.Core;
using SplitGym.Core.Spaces;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.Networks;

/// <summary>SB3's DQN <c>QNetwork</c>: a ReLU MLP from the observation to one Q-value per action, PyTorch default init.</summary>
public sealed class QNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ObservationScaler scaler;
    private readonly Sequential q;

    /// <summary>Builds and initialises the network from <paramref name="rng"/>.</summary>
    public QNetwork(Box<float> observationSpace, int actionCount, NetworkOptions options, Rng rng) : base(nameof(QNetwork))
    {
        scaler = new ObservationScaler(observationSpace, options.ScaleObservations);
        (q, var layers) = Mlp.Build(observationSpace.Size, options.Hidden, actionCount, () => nn.ReLU());
        RegisterComponents();
        foreach (var layer in layers) WeightInit.Default(layer, rng);
    }

    /// <summary>Q-values, [batch, actions].</summary>
    public override Tensor forward(Tensor observations) => q.forward(scaler.forward(observations));
}
