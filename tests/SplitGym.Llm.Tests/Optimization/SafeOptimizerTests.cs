using SplitGym.Llm.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Optimization;

/// <summary>
/// The safe optimizers are golden-tested against TorchSharp's own Adam, AdamW and RMSProp: the same
/// network, data and hyperparameters must give bit-identical weights after many steps, and a run resumed
/// from a saved state dict must continue exactly like an uninterrupted one.
/// </summary>
public sealed class SafeOptimizerTests
{
    private const int Steps = 30;

    public static TheoryData<string> Kinds => new() { "adam", "adam-l2", "adamw", "rmsprop", "rmsprop-l2" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MatchesTorchSharpBitForBit(string kind)
    {
        using var safe = NewNetwork();
        using var safeOptimizer = SafeOptimizer(kind, safe);
        for (int step = 0; step < Steps; step++) TrainStep(safe, safeOptimizer, step);
        using var reference = CollectionFreeRun.Run(() => TrainedByTorchSharp(kind));
        AssertSameWeights(reference, safe);
        Assert.False(WeightsEqual(NewNetwork(), safe), "training must have moved the weights");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ResumingFromASavedStateDictContinuesExactly(string kind)
    {
        using var uninterrupted = NewNetwork();
        using var uninterruptedOptimizer = SafeOptimizer(kind, uninterrupted);
        using var resumed = NewNetwork();
        using var firstHalf = SafeOptimizer(kind, resumed);
        for (int step = 0; step < Steps / 2; step++)
        {
            TrainStep(uninterrupted, uninterruptedOptimizer, step);
            TrainStep(resumed, firstHalf, step);
        }
        var stream = new MemoryStream();
        firstHalf.save_state_dict(new BinaryWriter(stream));
        stream.Position = 0;
        using var secondHalf = SafeOptimizer(kind, resumed);
        secondHalf.load_state_dict(new BinaryReader(stream));
        for (int step = Steps / 2; step < Steps; step++)
        {
            TrainStep(uninterrupted, uninterruptedOptimizer, step);
            TrainStep(resumed, secondHalf, step);
        }
        AssertSameWeights(uninterrupted, resumed);
    }

    [Fact]
    public void StepLeavesNoLiveTensors()
    {
        using var network = NewNetwork();
        using var optimizer = SafeOptimizers.AdamW(network.parameters(), 1e-2);
        TrainStep(network, optimizer, 0);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int step = 1; step < 10; step++) TrainStep(network, optimizer, step);
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void UnsupportedVariantsAreRejectedByName()
    {
        using var network = NewNetwork();
        var groups = new[] { new AdamW.ParamGroup(network.parameters(), new AdamW.Options { amsgrad = true }) };
        using var optimizer = SafeOptimizers.AdamW(groups);
        var error = Assert.Throws<NotSupportedException>(() => TrainStep(network, optimizer, 0));
        Assert.Contains("amsgrad", error.Message);
    }

    /// <summary>
    /// The same small network every call. Its weights come from a private generator: the global one is shared with the
    /// test classes that xunit runs in parallel, so re-seeding it here could not guarantee equal starting weights.
    /// </summary>
    private static Sequential NewNetwork()
    {
        var network = nn.Sequential(nn.Linear(5, 8), nn.Tanh(), nn.Linear(8, 3));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = new Generator(7);
        using Scalar spread = 0.4;
        foreach (var parameter in network.parameters()) parameter.copy_(randn(parameter.shape, generator: generator).mul_(spread));
        return network;
    }

    private static Sequential TrainedByTorchSharp(string kind)
    {
        var network = NewNetwork();
        using var optimizer = TorchSharpOptimizer(kind, network);
        for (int step = 0; step < Steps; step++) TrainStep(network, optimizer, step);
        return network;
    }

    private static OptimizerHelper TorchSharpOptimizer(string kind, nn.Module network) => kind switch
    {
        "adam" => optim.Adam(network.parameters(), 1e-2, eps: 1e-5),
        "adam-l2" => optim.Adam(network.parameters(), 1e-2, weight_decay: 0.05),
        "adamw" => optim.AdamW(network.parameters(), 3e-2, 0.9, 0.95, weight_decay: 0.1),
        "rmsprop" => optim.RMSProp(network.parameters(), 7e-3, alpha: 0.99, eps: 1e-5),
        "rmsprop-l2" => optim.RMSProp(network.parameters(), 7e-3, weight_decay: 0.05),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static OptimizerHelper SafeOptimizer(string kind, nn.Module network) => kind switch
    {
        "adam" => SafeOptimizers.Adam(network.parameters(), 1e-2, eps: 1e-5),
        "adam-l2" => SafeOptimizers.Adam(network.parameters(), 1e-2, weightDecay: 0.05),
        "adamw" => SafeOptimizers.AdamW(network.parameters(), 3e-2, 0.9, 0.95, weightDecay: 0.1),
        "rmsprop" => SafeOptimizers.RmsProp(network.parameters(), 7e-3, alpha: 0.99, eps: 1e-5),
        "rmsprop-l2" => SafeOptimizers.RmsProp(network.parameters(), 7e-3, weightDecay: 0.05),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Regression of a fixed nonlinear target on inputs that change with the step.</summary>
    private static void TrainStep(Sequential network, OptimizerHelper optimizer, int step)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(100 + (ulong)step);
        var inputs = randn(16, 5, generator: generator);
        var targets = stack([inputs[.., 0].sin(), inputs[.., 1] * inputs[.., 2], inputs[.., 3].abs()], 1);
        optimizer.zero_grad();
        nn.functional.mse_loss(network.forward(inputs), targets).backward();
        optimizer.step();
    }

    private static void AssertSameWeights(nn.Module expected, nn.Module actual)
        => Assert.True(WeightsEqual(expected, actual), "weights differ from the reference optimizer's");

    private static bool WeightsEqual(nn.Module left, nn.Module right) =>
        left.parameters().Zip(right.parameters()).All(pair => pair.First.equal(pair.Second).all().item<bool>());
}
