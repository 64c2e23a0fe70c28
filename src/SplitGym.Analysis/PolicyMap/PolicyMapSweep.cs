using SplitGym.Agents;
using SplitGym.Envs;

namespace SplitGym.Analysis;

/// <summary>
/// Produces the data of the policy map (paper Fig. 7): for every σ of a grid, every Nakagami m and every
/// start split, runs one episode of the env with that channel fixed and records the split the agent's
/// deterministic policy (<see cref="IAgent.Predict"/>) settles on. With the channel fixed the observation
/// [σ, m, p] only changes through p, so a deterministic policy that once keeps p stays there: the sweep
/// stops an episode at the first step that leaves the split unchanged, or after a step budget.
/// </summary>
public static class PolicyMapSweep
{
    /// <summary>Runs the sweep; the env must have no channel drift, the grids must be non-empty and inside the env's channel range.</summary>
    /// <param name="agent">The trained agent (its greedy action is used).</param>
    /// <param name="env">The unwrapped env the agent was trained for (same K and split range).</param>
    /// <param name="sigmas">Noise intensities σ (the env's noise units).</param>
    /// <param name="shapes">Nakagami shapes m.</param>
    /// <param name="startSplits">Splits each episode starts from; null means the env's smallest and largest split, so a policy is seen approaching from both sides.</param>
    /// <param name="maxSteps">Step budget per episode; null means the env's episode length.</param>
    /// <param name="seed">Seed of the first reset (the backend's noise draws), for reproducible sweeps.</param>
    public static IReadOnlyList<PolicyMapPoint> Run(
        IAgent agent, SplitInferenceEnv env, IReadOnlyList<double> sigmas, IReadOnlyList<double> shapes,
        IReadOnlyList<int>? startSplits = null, int? maxSteps = null, int seed = 0)
    {
        int budget = maxSteps ?? env.Options.EpisodeLength;
        var starts = startSplits ?? [(int)env.ArrayObservationSpace.Low[2], (int)env.ArrayObservationSpace.High[2]];
        Validate(env, sigmas, shapes, starts, budget);
        var points = new List<PolicyMapPoint>();
        bool first = true;
        foreach (double sigma in sigmas)
        {
            foreach (double shape in shapes)
            {
                foreach (int start in starts)
                {
                    points.Add(Settle(agent, env, sigma, shape, start, budget, first ? seed : null));
                    first = false;
                }
            }
        }
        return points;
    }

    private static PolicyMapPoint Settle(IAgent agent, SplitInferenceEnv env, double sigma, double shape, int start, int budget, int? seed)
    {
        var options = new Dictionary<string, object?> { ["sigma"] = sigma, ["shape"] = shape, ["split"] = start };
        var observation = env.Reset(seed, options).Observation;
        bool settled = false;
        for (int step = 0; step < budget && !settled; step++)
        {
            int before = env.Split;
            observation = env.Step(agent.Predict(observation, deterministic: true)).Observation;
            settled = env.Split == before;
        }
        return new PolicyMapPoint(env.Channel.Sigma, env.Channel.Shape, start, env.Split, env.OracleSplit, settled);
    }

    private static void Validate(SplitInferenceEnv env, IReadOnlyList<double> sigmas, IReadOnlyList<double> shapes, IReadOnlyList<int> starts, int budget)
    {
        if (env.Options.Drift is not null)
            throw new ArgumentException("The policy map needs a fixed channel per episode; the env has channel drift. Build it without Drift.", nameof(env));
        if (budget < 1) throw new ArgumentOutOfRangeException(nameof(budget), budget, "The step budget per episode must be at least 1.");
        if (sigmas.Count == 0 || shapes.Count == 0 || starts.Count == 0)
            throw new ArgumentException($"The policy map needs at least one σ, one m and one start split; got {sigmas.Count}, {shapes.Count} and {starts.Count}.");
        var range = env.ChannelRange;
        foreach (double sigma in sigmas)
        {
            if (!(sigma >= range.SigmaMin && sigma <= range.SigmaMax))
                throw new ArgumentOutOfRangeException(nameof(sigmas), sigma, $"σ must lie in the env's channel range [{range.SigmaMin}, {range.SigmaMax}].");
        }
        foreach (double shape in shapes)
        {
            if (!(shape >= range.ShapeMin && shape <= range.ShapeMax))
                throw new ArgumentOutOfRangeException(nameof(shapes), shape, $"m must lie in the env's channel range [{range.ShapeMin}, {range.ShapeMax}].");
        }
        int low = (int)env.ArrayObservationSpace.Low[2], high = (int)env.ArrayObservationSpace.High[2];
        foreach (int start in starts)
        {
            if (start < low || start > high)
                throw new ArgumentOutOfRangeException(nameof(starts), start, $"Start splits must lie in the env's split range [{low}, {high}].");
        }
    }
}
