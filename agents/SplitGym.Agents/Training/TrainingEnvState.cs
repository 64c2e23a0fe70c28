namespace SplitGym.Agents.Training;

/// <summary>
/// The state of a <see cref="TrainingEnv"/> at a resumable boundary, as the log needed to rebuild it:
/// for every sub-env the generator state at the start of its running episode and the actions taken
/// since, plus the observation the replay must reproduce (a check that the env is deterministic).
/// </summary>
/// <param name="SubEnvs">One entry per sub-env, in batch order.</param>
/// <param name="Episodes">The recent-episode window.</param>
public sealed record TrainingEnvState(SubEnvState[] SubEnvs, EpisodeWindowState Episodes);

/// <summary>The replay log of one sub-env's running episode.</summary>
/// <param name="EpisodeStartRng">The env generator's xoshiro state right before the episode's reset, as 4 words.</param>
/// <param name="Actions">Actions taken since the reset.</param>
/// <param name="EpisodeReturn">Return accumulated so far.</param>
/// <param name="Observation">The current observation (what the replay must reproduce bit for bit).</param>
public sealed record SubEnvState(ulong[] EpisodeStartRng, int[] Actions, double EpisodeReturn, float[] Observation);
