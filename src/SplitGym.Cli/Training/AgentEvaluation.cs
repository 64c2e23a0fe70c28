using System.Globalization;

namespace SplitGym.Cli.Training;

/// <summary>The metrics <c>splitgym eval</c> reports for one checkpoint.</summary>
/// <param name="Agent">Learner name.</param>
/// <param name="Env">Env id evaluated on.</param>
/// <param name="TrainingSeed">Seed the agent was trained with.</param>
/// <param name="TrainingSteps">Env steps of training in the checkpoint.</param>
/// <param name="Episodes">Evaluation episodes.</param>
/// <param name="EvaluationSeed">Seed of the first evaluation episode.</param>
/// <param name="NormalisedScore">(R_agent − R_random)/(R_oracle − R_random) with expected returns on the same episodes; NaN without an oracle.</param>
/// <param name="MeanRegret">Mean per-step expected-reward gap to the oracle split; NaN without an oracle.</param>
/// <param name="MeanReturn">Mean episode return (sampled rewards).</param>
/// <param name="StdReturn">Population standard deviation of the episode returns.</param>
/// <param name="MeanLength">Mean episode length, steps.</param>
/// <param name="TrainingLiveEquivalentEvaluations">Live perplexity evaluations training consumed (table backend: would have).</param>
/// <param name="EvaluationLiveEquivalentEvaluations">Live perplexity evaluations these evaluation episodes consumed.</param>
public sealed record AgentEvaluation(
    string Agent, string Env, int TrainingSeed, long TrainingSteps, int Episodes, int EvaluationSeed, double NormalisedScore, double MeanRegret,
    double MeanReturn, double StdReturn, double MeanLength, long TrainingLiveEquivalentEvaluations, long EvaluationLiveEquivalentEvaluations)
{
    /// <summary>A two-column Markdown table of the metrics.</summary>
    public string ToTable() => string.Create(CultureInfo.InvariantCulture, $"""
        | {Agent} seed {TrainingSeed} on {Env} | value |
        |---|---:|
        | training steps | {TrainingSteps:N0} |
        | evaluation episodes (first seed {EvaluationSeed}) | {Episodes} |
        | normalised score | {NormalisedScore:0.000} |
        | mean regret / step | {MeanRegret:0.0000} |
        | mean return ± std | {MeanReturn:0.00} ± {StdReturn:0.00} |
        | mean episode length | {MeanLength:0.0} |
        | live-equivalent evaluations, training | {TrainingLiveEquivalentEvaluations:N0} |
        | live-equivalent evaluations, evaluation | {EvaluationLiveEquivalentEvaluations:N0} |

        """);
}
