using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using static TorchSharp.torch;

namespace SplitGym.Agents.Tests;

/// <summary>Builds small agents by algorithm name for the determinism, resume and checkpoint tests.</summary>
internal static class AgentFactory
{
    public static readonly TheoryData<string> Algorithms = ["PPO", "A2C", "DQN"];

    public static Algorithm CartPole(string algorithm, int seed, int numEnvs = 4) => Create(algorithm, TestEnvs.CartPole(numEnvs), seed);

    public static Algorithm Split(string algorithm, int seed, int numEnvs = 4) => Create(algorithm, TestEnvs.SplitVector(numEnvs), seed);

    public static Algorithm Create(string algorithm, Core.Vector.VectorEnv env, int seed) => algorithm switch
    {
        "PPO" => new Ppo(env, Configs.PpoTiny, new TrainingOptions { Seed = seed }),
        "A2C" => new A2c(env, Configs.A2c, new TrainingOptions { Seed = seed, LogInterval = 10 }),
        "DQN" => new Dqn(env, Configs.DqnTiny, new TrainingOptions { Seed = seed, LogInterval = 1 }),
        _ => throw new ArgumentException($"Unknown algorithm {algorithm}."),
    };

    /// <summary>Every network tensor of the agent as flat float arrays, by checkpoint key.</summary>
    public static Dictionary<string, float[]> Weights(Algorithm agent) =>
        agent.Networks.SelectMany(n => n.Module.state_dict().Select(e => (Key: n.Prefix + "." + e.Key, e.Value)))
            .ToDictionary(e => e.Key, e => e.Value.to(float32).data<float>().ToArray());

    /// <summary>The logged learning curve without wall-clock metrics.</summary>
    public static List<string> Curve(Algorithm agent) =>
        [.. agent.Logger.History.Select(r => $"{r.Step}: " + string.Join(", ", r.Values.Where(v => !v.Key.StartsWith("time/", StringComparison.Ordinal)).Select(v => $"{v.Key}={v.Value:R}")))];

    public static void AssertSameWeights(Algorithm expected, Algorithm actual)
    {
        var a = Weights(expected);
        var b = Weights(actual);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var key in a.Keys) Assert.True(a[key].SequenceEqual(b[key]), $"Tensor {key} differs.");
    }
}
