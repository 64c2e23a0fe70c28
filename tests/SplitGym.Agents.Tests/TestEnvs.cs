using System.Runtime.CompilerServices;
using SplitGym.Agents.Training;
using SplitGym.Core;
using SplitGym.Core.Classic;
using SplitGym.Core.Registration;
using SplitGym.Core.Vector;
using SplitGym.Core.Wrappers;
using SplitGym.Envs;
using SplitGym.Envs.Backends;
using SplitGym.Envs.Tests;

namespace SplitGym.Agents.Tests;

/// <summary>The envs the agent tests learn: CartPole-v1 and the split env on the synthetic table (case A, K = 1).</summary>
internal static class TestEnvs
{
    /// <summary>Episode length of the synthetic split env (the model has 12 layers).</summary>
    public const int SplitEpisodeLength = 12;

    [ModuleInitializer]
    internal static void UseOneTorchThread() => TorchSharp.torch.set_num_threads(1);

    public static VectorEnv CartPole(int numEnvs) => AgentEnvs.Make(CartPoleEnv.Id, numEnvs);

    public static Env<float[], int> CartPoleSingle() => Registry.Default.Make<float[], int>(CartPoleEnv.Id);

    /// <summary>The raw split env on the synthetic table (no time limit).</summary>
    public static SplitInferenceEnv SplitRaw(int maxMove = 1) =>
        new(new TableBackend(SyntheticTable.Build(), SyntheticTable.ComputeShares()),
            new SplitInferenceOptions { MaxMove = maxMove, EpisodeLength = SplitEpisodeLength });

    /// <summary>The split env with its time limit.</summary>
    public static TimeLimit<float[], int> Split(int maxMove = 1) => new(SplitRaw(maxMove), SplitEpisodeLength);

    public static VectorEnv SplitVector(int numEnvs, int maxMove = 1) => AgentEnvs.Of(Enumerable.Range(0, numEnvs).Select(_ => Split(maxMove)));
}
