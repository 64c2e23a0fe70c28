using SplitGym.Core;
using SplitGym.Envs;

namespace SplitGym.Agents.Evaluation;

/// <summary>
/// Runs an agent on a single env for whole episodes (SB3's <c>evaluate_policy</c>) and, when the env
/// reports the split-inference oracle in its info, scores it exactly: the env gives, for the same
/// episode, the expected reward of the agent, of the planning oracle and of the uniform-random policy.
/// </summary>
public static class Evaluator
{
    /// <summary>Plays <paramref name="episodes"/> episodes of <paramref name="agent"/> on <paramref name="env"/>.</summary>
    /// <param name="agent">The agent (its <c>Predict</c> is called once per step, without an action mask).</param>
    /// <param name="env">A single env; it must end episodes by itself (time limit or termination).</param>
    /// <param name="episodes">Number of episodes (positive).</param>
    /// <param name="deterministic">Greedy actions (true) or sampled ones.</param>
    /// <param name="seed">Seed of the first reset (later episodes continue the env's stream); null keeps the env's generator.</param>
    public static EvaluationResult Evaluate(IAgent agent, Env<float[], int> env, int episodes, bool deterministic = true, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(env);
        if (episodes <= 0) throw new ArgumentOutOfRangeException(nameof(episodes), episodes, "Evaluate needs at least one episode.");
        var returns = new double[episodes];
        var lengths = new int[episodes];
        var sums = new ScoreSums();
        for (int e = 0; e < episodes; e++)
        {
            var observation = env.Reset(e == 0 ? seed : null).Observation;
            bool done = false;
            while (!done)
            {
                var step = env.Step(agent.Predict(observation, deterministic));
                returns[e] += step.Reward;
                lengths[e]++;
                sums.Add(step.Info);
                observation = step.Observation;
                done = step.Terminated || step.Truncated;
            }
        }
        return new EvaluationResult(returns, lengths, sums.MeanRegret, sums.NormalisedScore, sums.LiveEvaluations);
    }

    /// <summary>Running sums of the split-inference info values over the evaluation.</summary>
    private sealed class ScoreSums
    {
        private double _agent, _oracle, _random, _regret;
        private long _scoredSteps;

        public long LiveEvaluations { get; private set; }

        public double? MeanRegret => _scoredSteps == 0 ? null : _regret / _scoredSteps;

        public double? NormalisedScore =>
            _scoredSteps == 0 || Math.Abs(_oracle - _random) < 1e-12 ? null : (_agent - _random) / (_oracle - _random);

        public void Add(Info info)
        {
            if (info.TryGetValue(SplitInferenceInfo.LiveEvaluations, out var live) && live is double count) LiveEvaluations += (long)count;
            if (!info.TryGetValue(SplitInferenceInfo.OracleStepReward, out var oracle) || oracle is not double oracleReward) return;
            _oracle += oracleReward;
            _agent += (double)info[SplitInferenceInfo.ExpectedReward]!;
            _random += (double)info[SplitInferenceInfo.RandomStepReward]!;
            _regret += (double)info[SplitInferenceInfo.Regret]!;
            _scoredSteps++;
        }
    }
}
