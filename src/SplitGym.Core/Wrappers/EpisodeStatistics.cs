namespace SplitGym.Core.Wrappers;

/// <summary>
/// The summary of a finished episode that <see cref="RecordEpisodeStatistics{TObs, TAct}"/> puts in
/// <c>info["episode"]</c> (Gymnasium's <c>{"r", "l", "t"}</c>).
/// </summary>
/// <param name="Return">Sum of the rewards of the episode (Gymnasium's <c>r</c>).</param>
/// <param name="Length">Number of steps of the episode (<c>l</c>).</param>
/// <param name="Time">Wall-clock seconds from the reset to the final step (<c>t</c>).</param>
public sealed record EpisodeStatistics(double Return, int Length, double Time);
