using System.Diagnostics;
using SplitGym.Core;
using SplitGym.Core.Registration;

namespace SplitGym.Cli.Bench;

/// <summary>
/// Env steps per second of a registered env on the allocation-free array path: the raw env, the env
/// behind Gymnasium's <c>Make</c> stack (checker, order enforcing, time limit), and a synchronous vector
/// env. Actions cycle deterministically over the action space; episodes restart when they end. Each path first
/// runs untimed, in chunks of a tenth of its steps (at least <see cref="MinimumWarmUpSteps"/>), for at least
/// <see cref="WarmUpTime"/>: long enough for .NET's tiered JIT to replace the first quick compilation of the step code
/// by the optimised one (it waits for 100 ms without new first-tier compilations), so that is not counted as env time.
/// </summary>
/// <param name="Registry">Where the id is registered.</param>
/// <param name="EnvId">The env to measure.</param>
public sealed record EnvThroughput(Registry Registry, string EnvId)
{
    /// <summary>Fewest untimed steps in one warm-up chunk.</summary>
    public const long MinimumWarmUpSteps = 1_000;

    /// <summary>Shortest untimed warm-up before a timed run.</summary>
    public static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(0.5);

    /// <summary>The raw env (no wrappers) for <paramref name="steps"/> steps.</summary>
    public Throughput Raw(long steps)
    {
        using var made = Registry.Make(EnvId);
        return Single("raw env, array path", AsArray(made.Unwrapped), steps, Registry.Spec(EnvId).MaxEpisodeSteps ?? int.MaxValue);
    }

    /// <summary>The env behind the full <c>Make</c> stack for <paramref name="steps"/> steps.</summary>
    public Throughput Made(long steps)
    {
        using var made = Registry.Make(EnvId);
        return Single("Make stack, array path", AsArray(made), steps, int.MaxValue);
    }

    /// <summary>A sync vector env of <paramref name="numEnvs"/> sub-envs (each behind the Make stack) for about <paramref name="steps"/> sub-env steps.</summary>
    public Throughput Vector(long steps, int numEnvs)
    {
        using var vector = Registry.MakeVec(EnvId, numEnvs);
        var actions = new int[numEnvs];
        int n = vector.SingleActionSpace.N;
        vector.Reset(seed: 0);
        long vectorSteps = Math.Max(1, steps / numEnvs);
        double seconds = TimedAfterWarmUp(vectorSteps, count =>
        {
            for (long t = 0; t < count; t++)
            {
                for (int i = 0; i < numEnvs; i++) actions[i] = (int)((t + i) % n);
                vector.Step(actions);
            }
        });
        return new Throughput($"sync vector env of {numEnvs}, per sub-env step", vectorSteps * numEnvs, seconds);
    }

    /// <summary>Runs <paramref name="run"/> untimed in warm-up chunks for at least <see cref="WarmUpTime"/>, then for <paramref name="steps"/> timed; returns the timed seconds.</summary>
    private static double TimedAfterWarmUp(long steps, Action<long> run)
    {
        var warmUp = Stopwatch.StartNew();
        do run(Math.Max(MinimumWarmUpSteps, steps / 10));
        while (warmUp.Elapsed < WarmUpTime);
        var clock = Stopwatch.StartNew();
        run(steps);
        return clock.Elapsed.TotalSeconds;
    }

    private static Throughput Single(string path, IArrayEnv env, long steps, int episodeLength)
    {
        var observation = new float[env.ArrayObservationSpace.Shape.Aggregate(1, (a, b) => a * b)];
        var info = new InfoBuffer(env.InfoKeys);
        int n = env.ArrayActionSpace.N;
        env.ResetInto(0, observation, info);
        int inEpisode = 0;
        double seconds = TimedAfterWarmUp(steps, count =>
        {
            for (long t = 0; t < count; t++)
            {
                var outcome = env.StepInto((int)(t % n), observation, info);
                if (outcome.Terminated || outcome.Truncated || ++inEpisode >= episodeLength)
                {
                    env.ResetInto(null, observation, info);
                    inEpisode = 0;
                }
            }
        });
        return new Throughput(path, steps, seconds);
    }

    private IArrayEnv AsArray(IEnv env) =>
        env is IArrayEnv { ArrayPathAvailable: true } array ? array : throw new NotSupportedException($"{EnvId} has no array path (float32 Box observation, Discrete action); bench measures that path.");
}
