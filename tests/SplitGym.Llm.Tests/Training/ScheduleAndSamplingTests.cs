using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Llm.Model;
using SplitGym.Llm.Training;
using static TorchSharp.torch;

namespace SplitGym.Llm.Tests.Training;

public class ScheduleAndSamplingTests
{
    [Theory]
    [InlineData(0, 0.25)]
    [InlineData(3, 1.0)]
    [InlineData(4, 1.0)]
    [InlineData(6, 0.68906)] // 0.1 + 0.9 · (1 + cos(0.4π)) / 2
    [InlineData(9, 0.1)]
    public void ScheduleMatchesHandComputedValues(int step, double expected) =>
        Assert.Equal(expected, new LearningRateSchedule(peak: 1.0, warmupSteps: 4, totalSteps: 10, finalFraction: 0.1).At(step), 5);

    [Property]
    public Property ScheduleRisesThenFallsBetweenFloorAndPeak() =>
        Prop.ForAll(Gen.Choose(1, 50).ToArbitrary(), Gen.Choose(2, 300).ToArbitrary(), (warmup, total) =>
        {
            var schedule = new LearningRateSchedule(2e-3, warmup, total, 0.1);
            var rates = Enumerable.Range(0, total).Select(schedule.At).ToList();
            var rising = rates.Take(warmup).Zip(rates.Skip(1).Take(warmup - 1)).All(p => p.First < p.Second);
            var falling = rates.Skip(warmup).Zip(rates.Skip(warmup + 1)).All(p => p.First >= p.Second);
            return rising && falling && rates.All(r => r > 0 && r <= 2e-3 + 1e-15);
        });

    [Fact]
    public void SamplerBatchesAreAPureFunctionOfSeedAndStepWithShiftedTargets()
    {
        var text = TinyModels.Text(50);
        var sampler = new WindowSampler(text, 16, seed: 5);
        using var scope = NewDisposeScope();
        var (inputs, targets) = sampler.Batch(step: 7, rows: 4);
        var (again, _) = new WindowSampler(text, 16, seed: 5).Batch(step: 7, rows: 4);
        var (otherStep, _) = sampler.Batch(step: 8, rows: 4);
        Assert.True(inputs.eq(again).all().item<bool>());
        Assert.False(inputs.eq(otherStep).all().item<bool>());
        Assert.True(inputs[.., 1..].eq(targets[.., ..^1]).all().item<bool>());
        for (var row = 0; row < 4; row++)
            Assert.Equal(text[sampler.Start(7, row)], (byte)inputs[row, 0].item<long>());
    }

    [Property]
    public Property SamplerStartsLeaveRoomForAFullWindowAndTarget() =>
        Prop.ForAll(Gen.Choose(0, 100000).ToArbitrary(), Gen.Choose(0, 63).ToArbitrary(), (step, row) =>
        {
            var sampler = new WindowSampler(new byte[100], 20, seed: 3);
            var start = sampler.Start(step, row);
            return start >= 0 && start + 20 + 1 <= 100;
        });

    [Fact]
    public void UnigramModelMatchesHandComputedLoss()
    {
        var measured = new UnigramByteModel("aab"u8.ToArray()).Measure("xab"u8.ToArray());
        Assert.Equal(2, measured.Tokens);
        Assert.Equal(-Math.Log(3.0 / 259) - Math.Log(2.0 / 259), measured.TotalNll, 10);
    }

    [Fact]
    public void EvenlySpacedLossEqualsAWindowByWindowReference()
    {
        using var model = new LlamaForCausalLM(TinyModels.Config, seed: 3);
        var text = TinyModels.Text(40);
        var batched = NextByteLoss.EvenlySpaced(model, text, window: 16, count: 5, batchSize: 3);
        var last = text.Length - 17;
        var reference = 0.0;
        using (no_grad())
            for (var i = 0; i < 5; i++)
            {
                using var scope = NewDisposeScope();
                var start = i * last / 4;
                var logProbabilities = model.forward(tensor(text[start..(start + 16)].Select(b => (long)b).ToArray(), [1, 16])).log_softmax(-1);
                for (var t = 0; t < 16; t++) reference -= logProbabilities[0, t, text[start + t + 1]].item<float>();
            }
        Assert.Equal(80, batched.Tokens);
        Assert.Equal(reference, batched.TotalNll, 3);
    }
}
