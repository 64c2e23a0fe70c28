using FsCheck;
using FsCheck.Xunit;
using SplitGym.Agents.OnPolicy;
using SplitGym.Agents.Training;
using static TorchSharp.torch;

namespace SplitGym.Agents.Tests;

/// <summary>PPO's optional features, each shown to act: target-KL early stop, LR annealing, advantage normalisation, value clipping, truncation bootstrap.</summary>
public sealed class PpoFeatureTests
{
    /// <summary>One sub-env and one minibatch per epoch, so every epoch is exactly one gradient step.</summary>
    private static readonly PpoOptions OneBatchPerEpoch = new() { NSteps = 64, BatchSize = 64, NEpochs = 10 };

    private static Ppo SplitPpo(PpoOptions options, int seed = 2) => new(TestEnvs.SplitVector(1), options, new TrainingOptions { Seed = seed });

    private static double[] Logged(Algorithm agent, string key) =>
        [.. agent.Logger.History.Where(r => r.Values.ContainsKey(key)).Select(r => r.Values[key])];

    [Fact]
    public void TinyTargetKlStopsTheUpdateAfterItsFirstGradientStep()
    {
        using var stopped = SplitPpo(OneBatchPerEpoch with { TargetKl = 1e-6 });
        using var oneStep = SplitPpo(OneBatchPerEpoch with { NEpochs = 1 });
        using var unstopped = SplitPpo(OneBatchPerEpoch);
        foreach (var agent in new[] { stopped, oneStep, unstopped }) agent.Learn(64);

        // Epoch 0 steps (the policy has not moved, KL 0); epoch 1 measures KL > 1.5e-6 and stops before its step.
        Assert.Equal([2.0], Logged(stopped, "train/n_updates"));
        Assert.Equal([10.0], Logged(unstopped, "train/n_updates"));
        Assert.True(Logged(stopped, "train/approx_kl")[0] > 1.5e-6 / 2, "the stopping minibatch's KL is in the logged mean");
        AgentFactory.AssertSameWeights(oneStep, stopped);
        Assert.NotEqual(AgentFactory.Weights(unstopped)["policy.pi.2.weight"], AgentFactory.Weights(stopped)["policy.pi.2.weight"]);
    }

    [Fact]
    public void AnnealedLearningRateFallsLinearlyToZeroOverTheRun()
    {
        const double lr = 3e-4;
        using var agent = SplitPpo(OneBatchPerEpoch with { NEpochs = 1, LearningRate = lr, AnnealLearningRate = true });
        agent.Learn(5 * 64);
        // SB3's linear schedule, lr · progress_remaining, evaluated after each rollout: 4/5, 3/5, ... 0.
        double[] expected = [.. Enumerable.Range(1, 5).Select(i => lr * (1 - i * 64 / 320.0))];
        Assert.Equal(expected, Logged(agent, "train/learning_rate"), (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(0.0, agent.Optimizer.ParamGroups.Single().LearningRate);
    }

    [Fact]
    public void ConstantLearningRateStaysPutWithoutAnnealing()
    {
        using var agent = SplitPpo(OneBatchPerEpoch with { NEpochs = 1 });
        agent.Learn(3 * 64);
        Assert.Equal([3e-4, 3e-4, 3e-4], Logged(agent, "train/learning_rate"));
    }

    [Property]
    public bool NormalisedMinibatchAdvantagesHaveZeroMeanAndUnitStd(NormalFloat[] raw)
    {
        float[] values = [.. raw.Select(v => (float)(v.Get % 1000))];
        if (values.Length < 2 || values.Max() - values.Min() < 1e-2) return true;
        using var scope = NewDisposeScope();
        var normalised = Ppo.MinibatchAdvantages(tensor(values), normalize: true).data<float>().ToArray();
        double mean = normalised.Average();
        double std = Math.Sqrt(normalised.Sum(a => (a - mean) * (a - mean)) / (values.Length - 1));
        return Math.Abs(mean) < 1e-4 && Math.Abs(std - 1) < 1e-3;
    }

    [Property]
    public bool AdvantagesPassUnchangedWithoutNormalisationOrForASingleTransition(NormalFloat[] raw, bool normalize)
    {
        float[] values = [.. raw.Select(v => (float)v.Get)];
        if (values.Length == 0 || (normalize && values.Length > 1)) return true;
        using var scope = NewDisposeScope();
        return Ppo.MinibatchAdvantages(tensor(values), normalize).data<float>().ToArray().SequenceEqual(values);
    }

    [Fact]
    public void AdvantageNormalisationChangesTheUpdate()
    {
        using var normalised = SplitPpo(OneBatchPerEpoch with { NEpochs = 1 });
        using var raw = SplitPpo(OneBatchPerEpoch with { NEpochs = 1, NormalizeAdvantage = false });
        normalised.Learn(64);
        raw.Learn(64);
        Assert.Equal(normalised.Rollout.Advantages, raw.Rollout.Advantages);
        Assert.NotEqual(AgentFactory.Weights(normalised)["policy.pi.4.weight"], AgentFactory.Weights(raw)["policy.pi.4.weight"]);
    }

    [Fact]
    public void ValueLossUsesThePredictionClippedAroundTheRolloutValue()
    {
        float[] values = [1.0f, 2.0f, -1.0f, 0.3f], oldValues = [0.5f, 2.5f, 0.0f, 0.25f], returns = [3.0f, 1.0f, 0.0f, -2.0f];
        const double clip = 0.2;
        double Direct(bool clipped) => Enumerable.Range(0, values.Length).Average(i =>
        {
            double prediction = clipped ? oldValues[i] + Math.Clamp(values[i] - oldValues[i], -clip, clip) : values[i];
            return (prediction - returns[i]) * (prediction - returns[i]);
        });
        using var scope = NewDisposeScope();
        Assert.Equal(Direct(true), Ppo.ValueLoss(tensor(values), tensor(oldValues), tensor(returns), clip).item<float>(), 5);
        Assert.Equal(Direct(false), Ppo.ValueLoss(tensor(values), tensor(oldValues), tensor(returns), null).item<float>(), 5);
        Assert.NotEqual(Direct(true), Direct(false), 2);
    }

    [Fact]
    public void ValueClippingInTrainingHoldsTheValueLossAtTheRolloutValuesError()
    {
        var options = OneBatchPerEpoch with { LearningRate = 3e-3 };
        using var clipped = SplitPpo(options with { ClipRangeVf = 1e-6 });
        using var free = SplitPpo(options);
        clipped.Learn(64);
        free.Learn(64);
        // Predictions cannot leave V_old ± 1e-6, so every epoch's value loss is the rollout values' squared error.
        var rollout = clipped.Rollout;
        double rolloutError = Enumerable.Range(0, rollout.Size).Average(i => Math.Pow(rollout.Values[i] - rollout.Returns[i], 2));
        Assert.Equal(rolloutError, Logged(clipped, "train/value_loss").Single(), rolloutError * 1e-4);
        Assert.Equal([1e-6], Logged(clipped, "train/clip_range_vf"));
        Assert.Equal(rollout.Returns, free.Rollout.Returns);
        double freeLoss = Logged(free, "train/value_loss").Single();
        Assert.True(freeLoss < 0.95 * rolloutError, $"Unclipped values should learn: mean value loss {freeLoss} vs the rollout's {rolloutError}.");
    }
}
