using SplitGym.Core.Vector;

namespace SplitGym.Core.Tests.Vector;

/// <summary>
/// The reference model of vector autoreset: one single env per sub-env, stepped by hand through
/// the allocating single-env API with the rules of the autoreset mode written out plainly
/// (Gymnasium 1.x): NextStep resets on the step after an episode ends and ignores its action,
/// SameStep resets at once and keeps the final observation and info, Disabled never resets itself.
/// </summary>
internal sealed class AutoresetReference(IReadOnlyList<Env<float[], int>> envs, AutoresetMode mode)
{
    private const string CountKey = "count";
    private readonly bool[] _ended = new bool[envs.Count];
    private readonly float[][] _observations = new float[envs.Count][];

    /// <summary>Which sub-envs ended their episode in the last step and have not been reset since.</summary>
    public IReadOnlyList<bool> Ended => _ended;

    /// <summary>Resets sub-env i with seed + i.</summary>
    public ExpectedRow[] Reset(int seed) => [.. envs.Select((env, i) => ResetRow(i, env.Reset(seed + i)))];

    /// <summary>Resets (without a seed) the sub-envs where <paramref name="mask"/> is true; the others keep their observation and report no info.</summary>
    public ExpectedRow[] Reset(bool[] mask) =>
        [.. envs.Select((env, i) => mask[i] ? ResetRow(i, env.Reset()) : new ExpectedRow(_observations[i], 0, false, false, null, null, null, false))];

    /// <summary>Steps every sub-env with its action according to the mode.</summary>
    public ExpectedRow[] Step(int[] actions) => [.. envs.Select((_, i) => StepOne(i, actions[i]))];

    private ExpectedRow StepOne(int i, int action)
    {
        if (mode == AutoresetMode.NextStep && _ended[i])
        {
            return ResetRow(i, envs[i].Reset());
        }
        var step = envs[i].Step(action);
        _ended[i] = step.Terminated || step.Truncated;
        _observations[i] = step.Observation;
        var row = new ExpectedRow(step.Observation, step.Reward, step.Terminated, step.Truncated, Count(step.Info), null, null, false);
        if (mode != AutoresetMode.SameStep || !_ended[i])
        {
            return row;
        }
        var reset = ResetRow(i, envs[i].Reset());
        return row with { Observation = reset.Observation, Count = reset.Count, FinalObservation = step.Observation, FinalCount = row.Count };
    }

    private ExpectedRow ResetRow(int i, ResetResult<float[]> reset)
    {
        _ended[i] = false;
        _observations[i] = reset.Observation;
        return new ExpectedRow(reset.Observation, 0, false, false, Count(reset.Info), null, null, true);
    }

    private static double? Count(Info info) => info.TryGetValue(CountKey, out var value) ? (double?)value : null;
}
