using System.Diagnostics;
using SplitGym.Agents;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.Training;
using SplitGym.Cli.Progress;
using SplitGym.Core.Registration;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Trains (for learners) and evaluates one run of a comparison into its own folder
/// <c>runs/{run}</c> (CSV and TensorBoard logs, <c>policy.csv</c>). Everything it touches belongs to
/// the run, so runs may execute in parallel and still give the same numbers as one after the other.
/// </summary>
/// <param name="Registry">Where the env id is registered.</param>
/// <param name="Plan">The budget.</param>
/// <param name="Folder">The comparison folder.</param>
public sealed record RunExecution(Registry Registry, ComparisonPlan Plan, string Folder)
{
    /// <summary>Seed offset of evaluation episodes, so they never replay training episodes.</summary>
    public const int EvaluationSeedOffset = 1_000_000;

    /// <summary>The folder, relative to the comparison folder, under which every run has its own folder.</summary>
    public const string RunsFolder = "runs";

    /// <summary>Runs <paramref name="run"/> from scratch (discarding logs of an interrupted earlier attempt) and returns its result.</summary>
    public RunResult Execute(RunKey run, IRunProgress progress)
    {
        bool learns = AgentCatalog.Learns(run.Agent);
        progress.Started(run, learns ? Plan.TrainingSteps : 0);
        var clock = Stopwatch.StartNew();
        var runFolder = Path.Combine(Folder, RunsFolder, run.Name);
        if (Directory.Exists(runFolder)) Directory.Delete(runFolder, recursive: true);
        Directory.CreateDirectory(runFolder);
        using var evaluationEnv = new PolicyRecorder(Registry.Make<float[], int>(run.EnvId));
        using var agent = learns ? Train(run, runFolder, progress) : AgentCatalog.CreateBaseline(run.Agent, evaluationEnv, run.Seed);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var evaluation = Evaluator.Evaluate(agent, evaluationEnv, Plan.EvaluationEpisodes, deterministic: true, seed: EvaluationSeedOffset + run.Seed);
        string? policyFile = null;
        if (evaluationEnv.Records)
        {
            policyFile = Path.Combine(RunsFolder, run.Name, "policy.csv");
            evaluationEnv.Save(Path.Combine(Folder, policyFile));
        }
        var result = new RunResult(
            run, agent.NumTimesteps, AgentCatalog.LiveEquivalentEvaluations(agent), evaluation.NormalisedScore ?? double.NaN,
            evaluation.MeanRegret ?? double.NaN, evaluation.MeanReturn, clock.Elapsed.TotalSeconds,
            agent.NumTimesteps == 0 ? 0 : agent.NumTimesteps / trainSeconds, learns ? LogFolder(runFolder) : null, policyFile);
        progress.Finished(run, result);
        return result;
    }

    private IAgent Train(RunKey run, string runFolder, IRunProgress progress)
    {
        var agent = AgentCatalog.CreateLearner(run.Agent, AgentEnvs.Make(run.EnvId, Plan.NumEnvs, Registry),
            new TrainingOptions { Seed = run.Seed, EnvName = run.EnvId, RunsFolder = runFolder });
        try
        {
            agent.Learn(Plan.TrainingSteps, [new StepReporter(run, progress)]);
            return agent;
        }
        catch
        {
            agent.Dispose();
            throw;
        }
    }

    /// <summary>The log folder the learner created inside its run folder, relative to the comparison folder.</summary>
    private string? LogFolder(string runFolder) =>
        Directory.EnumerateDirectories(runFolder).Select(d => Path.GetRelativePath(Folder, d)).SingleOrDefault();
}
