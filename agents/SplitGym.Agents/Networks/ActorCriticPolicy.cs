using SplitGym.Core;
using SplitGym.Core.Spaces;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.Networks;

/// <summary>
/// SB3's <c>MlpPolicy</c> for discrete actions: separate tanh MLPs for the policy (logits) and the
/// value, orthogonally initialised with gain √2 on hidden layers, 0.01 on the action layer (so the
/// initial policy is near uniform) and 1 on the value layer.
/// </summary>
public sealed class ActorCriticPolicy : nn.Module
{
    /// <summary>Orthogonal gain of the hidden layers.</summary>
    public static readonly double HiddenGain = Math.Sqrt(2);

    /// <summary>Orthogonal gain of the action (logit) layer.</summary>
    public const double ActionGain = 0.01;

    /// <summary>Orthogonal gain of the value layer.</summary>
    public const double ValueGain = 1.0;

    private readonly ObservationScaler scaler;
    private readonly Sequential pi;
    private readonly Sequential vf;

    /// <summary>Builds and initialises the networks from <paramref name="rng"/>.</summary>
    public ActorCriticPolicy(Box<float> observationSpace, int actionCount, NetworkOptions options, Rng rng) : base(nameof(ActorCriticPolicy))
    {
        scaler = new ObservationScaler(observationSpace, options.ScaleObservations);
        (pi, var piLayers) = Mlp.Build(observationSpace.Size, options.Hidden, actionCount, () => nn.Tanh());
        (vf, var vfLayers) = Mlp.Build(observationSpace.Size, options.Hidden, 1, () => nn.Tanh());
        RegisterComponents();
        foreach (var layer in piLayers[..^1].Concat(vfLayers[..^1])) WeightInit.Orthogonal(layer, HiddenGain, rng);
        WeightInit.Orthogonal(piLayers[^1], ActionGain, rng);
        WeightInit.Orthogonal(vfLayers[^1], ValueGain, rng);
    }

    /// <summary>Unnormalised action log-probabilities, [batch, actions].</summary>
    public Tensor Logits(Tensor observations) => pi.forward(scaler.forward(observations));

    /// <summary>State values, [batch].</summary>
    public Tensor Values(Tensor observations) => vf.forward(scaler.forward(observations)).squeeze(-1);
}
