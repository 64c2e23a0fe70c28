using FsCheck;
using FsCheck.Xunit;
using SplitGym.Agents.OffPolicy;
using SplitGym.Agents.OnPolicy;
using SplitGym.Core;
using SplitGym.Core.Vector;

namespace SplitGym.Agents.Tests;

/// <summary>Action selection with masks, the replay ring, GAE against a direct formula, and argument checks.</summary>
public sealed class ComponentTests
{
    [Property]
    public bool PpoValueClippingKeepsEachPredictionWithinTheClipRangeOfTheRolloutValue(NormalFloat[] values, NormalFloat[] shifts, PositiveInt clipThousandths)
    {
        int n = Math.Min(values.Length, shifts.Length);
        if (n == 0) return true;
        double clip = clipThousandths.Get / 1000.0;
        float[] oldValues = [.. values.Take(n).Select(v => (float)(v.Get % 100))];
        float[] newValues = [.. oldValues.Zip(shifts.Take(n), (v, d) => v + (float)(d.Get % 10))];
        using var oldTensor = TorchSharp.torch.tensor(oldValues);
        using var newTensor = TorchSharp.torch.tensor(newValues);
        using var clipped = Ppo.ClippedValues(newTensor, oldTensor, clip);
        var actual = clipped.data<float>().ToArray();
        return Enumerable.Range(0, n).All(i =>
            Math.Abs(actual[i] - (oldValues[i] + Math.Clamp((double)newValues[i] - oldValues[i], -clip, clip))) <= 1e-4 * (1 + Math.Abs(oldValues[i])));
    }

    [Property]
    public bool MaskedChoicesNeverPickAForbiddenAction(float[] scores, bool[] maskSeed, int seed)
    {
        if (scores.Length == 0 || scores.Any(s => !float.IsFinite(s))) return true;
        var mask = scores.Select((_, i) => maskSeed.Length > 0 && maskSeed[i % maskSeed.Length]).ToArray();
        if (!mask.Contains(true)) mask[0] = true;
        var rng = new Rng(seed);
        var logits = scores.Select(s => Math.Clamp(s, -50f, 50f)).ToArray();
        return mask[ActionSelection.Argmax(scores, mask)] && mask[ActionSelection.Sample(logits, rng, mask)] && mask[ActionSelection.Uniform(scores.Length, rng, mask)];
    }

    [Fact]
    public void AllForbiddenOrWrongLengthMaskIsRejected()
    {
        Assert.Contains("allows no action", Assert.Throws<ArgumentException>(() => ActionSelection.Argmax([1f, 2f], [false, false])).Message);
        Assert.Contains("length 2", Assert.Throws<ArgumentException>(() => ActionSelection.Argmax([1f, 2f], [true])).Message);
    }

    [Fact]
    public void SamplingFollowsTheSoftmax()
    {
        var rng = new Rng(1);
        float[] logits = [0f, MathF.Log(3f)];
        int ones = Enumerable.Range(0, 20_000).Count(_ => ActionSelection.Sample(logits, rng) == 1);
        Assert.InRange(ones / 20_000.0, 0.74, 0.76);
    }

    [Fact]
    public void ReplayBufferOverwritesTheOldestAndSamplesStoredTransitions()
    {
        var buffer = new ReplayBuffer(3, 1);
        for (int i = 0; i < 5; i++) buffer.Add([i], [i + 0.5f], i % 2, i * 10, terminal: i == 4);
        Assert.Equal(3, buffer.Count);
        Assert.Equal(2, buffer.Position);
        var sample = new ReplaySample(64, 1);
        buffer.Sample(new Rng(0), sample);
        Assert.All(sample.Observations, o => Assert.Contains(o, new[] { 2f, 3f, 4f }));
        for (int k = 0; k < 64; k++)
        {
            Assert.Equal(sample.Observations[k] * 10, sample.Rewards[k]);
            Assert.Equal(sample.Observations[k] + 0.5f, sample.NextObservations[k]);
            Assert.Equal(sample.Observations[k] == 4 ? 1f : 0f, sample.Terminals[k]);
        }
    }

    [Fact]
    public void GaeMatchesTheDirectSum()
    {
        var buffer = new RolloutBuffer(4, 1, 1);
        float[] rewards = [1, 2, 3, 4], values = [0.5f, 0.1f, -0.2f, 0.3f];
        bool[] dones = [false, true, false, false];
        rewards.CopyTo(buffer.Rewards, 0);
        values.CopyTo(buffer.Values, 0);
        dones.CopyTo(buffer.Dones, 0);
        float gamma = 0.9f, lambda = 0.8f, last = 0.7f;
        buffer.ComputeReturnsAndAdvantages([last], gamma, lambda);
        for (int t = 0; t < 4; t++)
        {
            double expected = 0, discount = 1;
            for (int k = t; k < 4; k++)
            {
                double next = k == 3 ? last : values[k + 1];
                double delta = rewards[k] + gamma * next * (dones[k] ? 0 : 1) - values[k];
                expected += discount * delta;
                if (dones[k]) break;
                discount *= gamma * lambda;
            }
            Assert.Equal(expected, buffer.Advantages[t], 5);
            Assert.Equal(expected + values[t], buffer.Returns[t], 5);
        }
    }

    [Fact]
    public void BadArgumentsAreRejectedByName()
    {
        Assert.Contains("NSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new Ppo(TestEnvs.SplitVector(1), new PpoOptions { NSteps = 0 })).Message);
        Assert.Contains("Gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new Dqn(TestEnvs.SplitVector(1), new DqnOptions { Gamma = 1.5 })).Message);
        Assert.Contains("AutoresetMode.Disabled", Assert.Throws<ArgumentException>(() =>
            new A2c(new SyncVectorEnv([TestEnvs.Split()], AutoresetMode.NextStep))).Message);
        using var agent = new Ppo(TestEnvs.SplitVector(1), Configs.PpoTiny);
        Assert.Throws<ArgumentOutOfRangeException>(() => agent.Learn(0));
    }
}
