using SplitGym.Agents.Networks;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Agents.Tests;

/// <summary>
/// The defaults are Stable-Baselines3's (PPO, DQN, A2C with <c>MlpPolicy</c>), pinned value by value, plus
/// SplitGym's one deliberate difference: observation scaling is on by default.
/// </summary>
public sealed class DefaultsTests
{
    [Fact]
    public void PpoDefaultsAreSb3s()
    {
        var o = new PpoOptions();
        Assert.Equal((3e-4, 2048, 64, 10), (o.LearningRate, o.NSteps, o.BatchSize, o.NEpochs));
        Assert.Equal((0.99, 0.95, 0.2, 0.0, 0.5, 0.5), (o.Gamma, o.GaeLambda, o.ClipRange, o.EntCoef, o.VfCoef, o.MaxGradNorm));
        Assert.Equal((true, false, (double?)null, (double?)null), (o.NormalizeAdvantage, o.AnnealLearningRate, o.ClipRangeVf, o.TargetKl));
        Assert.Equal([64, 64], o.Network.Hidden);
    }

    [Fact]
    public void PpoBuildsSeparateTanhNetworksWithSb3sOrthogonalGainsAndAdamEpsilon()
    {
        using var agent = new Ppo(TestEnvs.SplitVector(1));
        Assert.Equal(4, agent.Policy.modules().OfType<Tanh>().Count());
        Assert.Empty(agent.Policy.modules().OfType<ReLU>());
        var weights = AgentFactory.Weights(agent);
        Assert.Equal((Math.Sqrt(2), 0.01, 1.0), (ActorCriticPolicy.HiddenGain, ActorCriticPolicy.ActionGain, ActorCriticPolicy.ValueGain));
        foreach (var hidden in new[] { "policy.pi.0", "policy.pi.2", "policy.vf.0", "policy.vf.2" }) AssertOrthogonal(agent, hidden, Math.Sqrt(2));
        AssertOrthogonal(agent, "policy.pi.4", 0.01);
        AssertOrthogonal(agent, "policy.vf.4", 1.0);
        Assert.All(weights.Where(w => w.Key.EndsWith(".bias", StringComparison.Ordinal)), w => Assert.All(w.Value, b => Assert.Equal(0f, b)));
        var adam = (Adam.Options)((Adam.ParamGroup)agent.Optimizer.ParamGroups.Single()).Options;
        Assert.Equal((3e-4, 1e-5), (adam.LearningRate, adam.eps));
    }

    [Fact]
    public void A2cDefaultsAreSb3sWithRmsProp()
    {
        var o = new A2cOptions();
        Assert.Equal((7e-4, 5, 0.99, 1.0), (o.LearningRate, o.NSteps, o.Gamma, o.GaeLambda));
        Assert.Equal((0.0, 0.5, 0.5, false), (o.EntCoef, o.VfCoef, o.MaxGradNorm, o.NormalizeAdvantage));
        using var agent = new A2c(TestEnvs.SplitVector(1));
        var rmsProp = (RMSProp.Options)((RMSProp.ParamGroup)agent.Optimizer.ParamGroups.Single()).Options;
        Assert.Equal((7e-4, 0.99, 1e-5), (rmsProp.LearningRate, rmsProp.alpha, rmsProp.eps));
        Assert.Equal(4, agent.Policy.modules().OfType<Tanh>().Count());
    }

    [Fact]
    public void DqnDefaultsAreSb3s()
    {
        var o = new DqnOptions();
        Assert.Equal((1e-4, 1_000_000, 100, 32), (o.LearningRate, o.BufferSize, o.LearningStarts, o.BatchSize));
        Assert.Equal((4, 1, 10_000, 1.0, 0.99), (o.TrainFreq, o.GradientSteps, o.TargetUpdateInterval, o.Tau, o.Gamma));
        Assert.Equal((1.0, 0.05, 0.1, 10.0, false), (o.ExplorationInitialEps, o.ExplorationFinalEps, o.ExplorationFraction, o.MaxGradNorm, o.DoubleDqn));
        Assert.Equal([64, 64], o.Network.Hidden);
        using var agent = new Dqn(TestEnvs.SplitVector(1));
        Assert.Equal(2, agent.QNet.modules().OfType<ReLU>().Count());
        Assert.Empty(agent.QNet.modules().OfType<Tanh>());
        var adam = (Adam.Options)((Adam.ParamGroup)agent.Optimizer.ParamGroups.Single()).Options;
        Assert.Equal((1e-4, 1e-8), (adam.LearningRate, adam.eps));
        Assert.Equal(1.0, agent.ExplorationRate);
    }

    [Fact]
    public void ObservationScalingIsSplitGymsDeliberateDefaultAndCanBeTurnedOff()
    {
        Assert.True(new NetworkOptions().ScaleObservations);
        var identity = new ObservationScaler(TestEnvs.SplitRaw().ArrayObservationSpace, enabled: false);
        using var scope = NewDisposeScope();
        float[] observation = [0.3f, 2f, 7f];
        Assert.Equal(observation, identity.forward(tensor(observation)).data<float>().ToArray());
    }

    /// <summary>W·Wᵀ = gain²·I for a wide layer, Wᵀ·W = gain²·I for a tall one (torch's <c>orthogonal_</c>).</summary>
    private static void AssertOrthogonal(Ppo agent, string layer, double gain)
    {
        using var scope = NewDisposeScope();
        var w = agent.Policy.state_dict()[layer[(layer.IndexOf('.') + 1)..] + ".weight"].to(float64);
        var gram = w.shape[0] <= w.shape[1] ? w.matmul(w.t()) : w.t().matmul(w);
        var expected = eye(gram.shape[0], dtype: float64) * tensor(gain * gain);
        Assert.True(gram.allclose(expected, rtol: 0, atol: 1e-5 * gain * gain + 1e-12), $"{layer} is not orthogonal with gain {gain}.");
    }
}
