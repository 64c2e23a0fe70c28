namespace SplitGym.Agents.ModelBased;

/// <summary>One round of the model-based loop: fit, train the policy in the learned env, report.</summary>
/// <param name="Round">Round number, from 1.</param>
/// <param name="Evaluations">Real evaluations spent so far (all rounds).</param>
/// <param name="Quality">The surrogate's quality after the fit.</param>
/// <param name="PolicyChange">Fraction of fixed probe states whose greedy action changed since the previous round (1 in round 1).</param>
/// <param name="LearnedScore">The kept inner policy's greedy normalised score in the learned env, against the learned env's own oracle (0 no skill, 1 perfect); it costs no real evaluation.</param>
/// <param name="InnerAgents">Inner agents trained so far (1 plus the fresh restarts of rounds whose policy missed <see cref="MbrlOptions.InnerTargetScore"/>).</param>
/// <param name="InnerSteps">Learned-env steps of all inner agents so far, kept or discarded.</param>
/// <param name="Seconds">Wall time of the round (fit, tabulation, inner training, report) in seconds.</param>
public sealed record MbrlRound(int Round, int Evaluations, SurrogateQualityReport Quality, double PolicyChange, double LearnedScore, int InnerAgents, long InnerSteps, double Seconds);
