using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.TestEnvs;

/// <summary>
/// A small array-path env with known dynamics for wrapper and vector tests: the observation is
/// [step count, last action, a random draw]; the reward is the action plus the random draw; the
/// episode terminates after <c>terminateAfter</c> steps. Info reports the step count.
/// </summary>
internal sealed class CountingEnv(int terminateAfter = 1000) : ArrayEnv(new Box<float>(-1000f, 1000f, 3), new Discrete(3), ["count"])
{
    private int _count;

    public int Resets { get; private set; }

    public double LastDraw { get; private set; }

    protected override void OnReset(Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options)
    {
        Resets++;
        _count = 0;
        observation[0] = 0;
        observation[1] = -1;
        observation[2] = (float)NpRandom.NextDouble();
        info.Set(0, 0);
    }

    protected override StepOutcome OnStep(int action, Span<float> observation, InfoBuffer info)
    {
        _count++;
        var draw = LastDraw = NpRandom.NextDouble();
        observation[0] = _count;
        observation[1] = action;
        observation[2] = (float)draw;
        info.Set(0, _count);
        return new StepOutcome(action + draw, _count >= terminateAfter, false);
    }
}
