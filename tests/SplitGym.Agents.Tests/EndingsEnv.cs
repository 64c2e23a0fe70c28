using SplitGym.Core;
using SplitGym.Core.Spaces;

namespace SplitGym.Agents.Tests;

/// <summary>
/// A 3-step env whose episodes end in a known rotation — truncated, terminated, both — so that what a
/// learner stores for each kind of ending can be checked exactly. Observation <c>[step, episode]</c>
/// (so a final observation, [3, e], never equals the next reset's, [0, e + 1]); action 0 or 1;
/// reward <c>1 + action</c>.
/// </summary>
internal sealed class EndingsEnv() : ArrayEnv(new Box<float>(0f, 10f, 2), new Discrete(2))
{
    public const int EpisodeLength = 3;

    private int _step;
    private int _episode = -1;

    /// <summary>How episode <paramref name="episode"/> (counted from 0) ends.</summary>
    public static (bool Terminated, bool Truncated) EndingOf(int episode) => (episode % 3) switch
    {
        0 => (false, true),
        1 => (true, false),
        _ => (true, true),
    };

    protected override void OnReset(Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options)
    {
        _step = 0;
        _episode++;
        Write(observation);
    }

    protected override StepOutcome OnStep(int action, Span<float> observation, InfoBuffer info)
    {
        _step++;
        Write(observation);
        var (terminated, truncated) = _step == EpisodeLength ? EndingOf(_episode) : (false, false);
        return new StepOutcome(1 + action, terminated, truncated);
    }

    private void Write(Span<float> observation)
    {
        observation[0] = _step;
        observation[1] = _episode;
    }
}
