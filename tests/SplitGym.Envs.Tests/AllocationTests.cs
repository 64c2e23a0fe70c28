using SplitGym.Core;
using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;

namespace SplitGym.Envs.Tests;

/// <summary>
/// The array path that vector envs use allocates nothing per step once warm (the benchmark's
/// zero-allocation target): measured on the calling thread over many steps, episode ends included.
/// </summary>
public class AllocationTests
{
    private const int Steps = 5_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RawEnvStepIntoAllocatesNothing(bool drift)
    {
        using var env = new SplitInferenceEnv(SyntheticTable.Backend(), new SplitInferenceOptions { Drift = drift ? new GaussMarkovDrift(0.9, 0.1) : null });
        var observation = new float[3];
        var info = new InfoBuffer(env.InfoKeys);
        env.ResetInto(0, observation, info);
        for (int t = 0; t < 100; t++) env.StepInto(t % 3, observation, info);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < Steps; t++)
        {
            env.StepInto(t % 3, observation, info);
            if (t % SplitInferenceOptions.DefaultEpisodeLength == 0) env.ResetInto(null, observation, info);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void SyncVectorEnvOfSixteenAllocatesNothing()
    {
        using var folder = new TestModelFolder();
        using var vector = folder.Registry.MakeVec(SplitInferenceRegistration.DefaultId, 16, overrides: new Dictionary<string, object?> { ["model_dir"] = folder.Path });
        var actions = new int[16];
        vector.Reset(seed: 0);
        for (int t = 0; t < 2 * SplitInferenceOptions.DefaultEpisodeLength; t++) vector.Step(actions);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < Steps / 10; t++)
        {
            actions[t % 16] = t % 3;
            vector.Step(actions);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
