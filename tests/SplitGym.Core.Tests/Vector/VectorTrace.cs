using SplitGym.Core.Vector;

namespace SplitGym.Core.Tests.Vector;

/// <summary>A full copy of everything a vector env reported over a run, for comparing two runs exactly.</summary>
internal sealed class VectorTrace
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public static VectorTrace Run(VectorEnv env, int seed, int steps)
    {
        var trace = new VectorTrace();
        var actions = new Rng(seed);
        env.Reset(seed);
        trace.Record(env);
        var batch = new int[env.NumEnvs];
        for (var t = 0; t < steps; t++)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = actions.NextInt(env.SingleActionSpace.N);
            }
            env.Step(batch);
            trace.Record(env);
            if (env.Autoreset == AutoresetMode.Disabled)
            {
                ResetEnded(env, trace);
            }
        }
        return trace;
    }

    /// <summary>Without autoreset the caller resets ended sub-envs (stepping them again is refused).</summary>
    private static void ResetEnded(VectorEnv env, VectorTrace trace)
    {
        bool[] ended = [.. env.Terminations.Zip(env.Truncations, (terminated, truncated) => terminated || truncated)];
        if (ended.Any(e => e))
        {
            env.Reset(mask: ended);
            trace.Record(env);
        }
    }

    private void Record(VectorEnv env)
    {
        var info = InfoText(env.Infos);
        var finalInfo = InfoText(env.FinalInfos);
        _lines.Add($"obs={string.Join(",", env.Observations)} r={string.Join(",", env.Rewards)} term={string.Join(",", env.Terminations)} trunc={string.Join(",", env.Truncations)} info={info} final={string.Join(",", env.FinalObservations)}|{string.Join(",", env.HasFinalObservation)} finalInfo={finalInfo}");
    }

    /// <summary>Every info column; wall-clock episode times only by presence, since they differ from run to run.</summary>
    private static string InfoText(VectorInfo info) =>
        string.Join(";", info.Keys.Select((k, i) => k == SplitGym.Core.Wrappers.RecordEpisodeStatistics<float[], int>.TimeKey
            ? $"{k}={string.Join(",", info.Mask(i))}"
            : $"{k}={Row(info.Values(i), info.Mask(i))}"));

    private static string Row(double[] values, bool[] mask) => string.Join(",", values.Zip(mask, (v, m) => m ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "-"));
}
