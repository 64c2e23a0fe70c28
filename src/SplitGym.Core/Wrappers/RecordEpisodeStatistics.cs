using System.Diagnostics;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// Tracks each episode's return, length and duration, as Gymnasium's <c>RecordEpisodeStatistics</c>:
/// on the step that ends an episode, <c>info["episode"]</c> holds an <see cref="EpisodeStatistics"/>
/// and the values are appended to <see cref="ReturnQueue"/>/<see cref="LengthQueue"/>/<see cref="TimeQueue"/>.
/// On the array path the same values go to the info keys <c>episode_r</c>, <c>episode_l</c>,
/// <c>episode_t</c> without allocation.
/// </summary>
public sealed class RecordEpisodeStatistics<TObs, TAct> : ArrayPathWrapper<TObs, TAct>
{
    /// <summary>Array-path info key of the episode return.</summary>
    public const string ReturnKey = "episode_r";

    /// <summary>Array-path info key of the episode length.</summary>
    public const string LengthKey = "episode_l";

    /// <summary>Array-path info key of the episode duration in seconds.</summary>
    public const string TimeKey = "episode_t";

    private static readonly string[] Keys = [ReturnKey, LengthKey, TimeKey];
    private readonly string _statsKey;
    private readonly int _firstKeyIndex;
    private double _episodeReturn;
    private int _episodeLength;
    private long _episodeStart;
    private double _episodeTime;

    /// <summary>Wraps <paramref name="inner"/>, keeping the last <paramref name="bufferLength"/> episodes.</summary>
    /// <param name="inner">The env to observe.</param>
    /// <param name="bufferLength">How many recent episodes the queues keep.</param>
    /// <param name="statsKey">The info key of the statistics on the single-env path.</param>
    public RecordEpisodeStatistics(Env<TObs, TAct> inner, int bufferLength = 100, string statsKey = "episode") : base(inner)
    {
        _statsKey = statsKey;
        ReturnQueue = new RecentValues(bufferLength);
        LengthQueue = new RecentValues(bufferLength);
        TimeQueue = new RecentValues(bufferLength);
        _firstKeyIndex = ArrayPathAvailable ? InnerArray.InfoKeys.Count : -1;
    }

    /// <summary>Returns of the most recent episodes.</summary>
    public RecentValues ReturnQueue { get; }

    /// <summary>Lengths of the most recent episodes.</summary>
    public RecentValues LengthQueue { get; }

    /// <summary>Durations in seconds of the most recent episodes.</summary>
    public RecentValues TimeQueue { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<string> OwnInfoKeys => Keys;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        var result = Inner.Reset(seed, options);
        StartEpisode();
        return result;
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        var result = Inner.Step(action);
        if (RecordStep(result.Reward, result.Terminated || result.Truncated))
        {
            result.Info[_statsKey] = new EpisodeStatistics(_episodeReturn, _episodeLength, _episodeTime);
        }
        return result;
    }

    /// <inheritdoc />
    public override void ResetInto(int? seed, Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options = null)
    {
        InnerArray.ResetInto(seed, observation, info, options);
        StartEpisode();
    }

    /// <inheritdoc />
    public override StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info)
    {
        var outcome = InnerArray.StepInto(action, observation, info);
        if (RecordStep(outcome.Reward, outcome.Terminated || outcome.Truncated))
        {
            info.Set(_firstKeyIndex, _episodeReturn);
            info.Set(_firstKeyIndex + 1, _episodeLength);
            info.Set(_firstKeyIndex + 2, _episodeTime);
        }
        return outcome;
    }

    private void StartEpisode()
    {
        _episodeReturn = 0.0;
        _episodeLength = 0;
        _episodeStart = Stopwatch.GetTimestamp();
    }

    /// <summary>Adds the step to the running episode; on the final step records the episode and returns true.</summary>
    private bool RecordStep(double reward, bool episodeEnded)
    {
        _episodeReturn += reward;
        _episodeLength++;
        if (!episodeEnded)
        {
            return false;
        }
        _episodeTime = Math.Round(Stopwatch.GetElapsedTime(_episodeStart).TotalSeconds, 6);
        ReturnQueue.Add(_episodeReturn);
        LengthQueue.Add(_episodeLength);
        TimeQueue.Add(_episodeTime);
        return true;
    }
}
