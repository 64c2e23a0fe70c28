using SplitGym.Envs;
using SplitGym.Envs.Backends;

namespace SplitGym.Agents.ModelBased;

/// <summary>Where a policy goes: the (split, channel) of every step of greedy episodes played in a (learned) env, at no real cost.</summary>
internal static class PolicyVisits
{
    /// <summary>Plays <paramref name="episodes"/> greedy episodes of the env's episode length; the first reset is seeded with <paramref name="seed"/>.</summary>
    public static List<ModelQuery> Collect(IAgent policy, SplitInferenceEnv env, int episodes, int seed)
    {
        var visits = new List<ModelQuery>();
        for (int e = 0; e < episodes; e++)
        {
            var observation = env.Reset(e == 0 ? seed : null).Observation;
            for (int t = 0; t < env.Options.EpisodeLength; t++)
            {
                observation = env.Step(policy.Predict(observation, deterministic: true)).Observation;
                visits.Add(new ModelQuery(env.Split, env.Channel));
            }
        }
        return visits;
    }
}
