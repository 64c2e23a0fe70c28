using System.Diagnostics;
using SplitGym.Agents;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.Training;
using SplitGym.Cli.Progress;
using SplitGym.Core.Registration;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Trains (for learners) and evaluates one run of a comparison into its own folder
/// <c>runs/{run}</c> (CSV and TensorBoard logs, and for learners on a split-inference env <c>policy-map.csv</c>). Everything it touches belongs to
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
        progress.Started(run, learns ? AgentCatalog.TrainingTarget(run.Agent, Plan.TrainingSteps) : 0);
        var clock = Stopwatch.StartNew();
        var runFolder = Path.Combine(Folder, RunsFolder, run.Name);
        if (Directory.Exists(runFolder)) Directory.Delete(runFolder, recursive: true);
        Directory.CreateDirectory(runFolder);
        using var evaluationEnv = Registry.Make<float[], int>(run.EnvId);
        var trace = new List<TracePoint>();
        using var agent = learns ? Train(run, runFolder, progress, trace) : AgentCatalog.CreateBaseline(run.Agent, evaluationEnv, run.Seed);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var evaluation = Evaluator.Evaluate(agent, evaluationEnv, Plan.EvaluationEpisodes, deterministic: true, seed: EvaluationSeed(run));
        if (learns) trace.Add(new TracePoint(AgentCatalog.LiveEquivalentEvaluations(agent), evaluation.NormalisedScore ?? double.NaN));
        string? policyFile = Path.Combine(RunsFolder, run.Name, PolicyMapFile.FileName);
        if (!learns || !PolicyMapFile.Sweep(agent, Registry, run.EnvId, EvaluationSeed(run), Path.Combine(Folder, policyFile))) policyFile = null;
        var result = new RunResult(
            run, agent.NumTimesteps, AgentCatalog.LiveEquivalentEvaluations(agent), evaluation.NormalisedScore ?? double.NaN,
            evaluation.MeanRegret ?? double.NaN, evaluation.MeanReturn, clock.Elapsed.TotalSeconds,
            agent.NumTimesteps == 0 ? 0 : agent.NumTimesteps / trainSeconds, learns ? LogFolder(runFolder) : null, policyFile, trace);
        progress.Finished(run, result);
        return result;
    }

    private static int EvaluationSeed(RunKey run) => EvaluationSeedOffset + run.Seed;

    /// <summary>Trains the learner of <paramref name="run"/>, appending its part-way scores to <paramref name="trace"/>.</summary>
    private IAgent Train(RunKey run, string runFolder, IRunProgress progress, List<TracePoint> trace)
    {
        var agent = AgentCatalog.CreateLearner(run.Agent, AgentEnvs.Make(run.EnvId, Plan.NumEnvs, Registry),
            new TrainingOptions { Seed = run.Seed, EnvName = run.EnvId, RunsFolder = runFolder });
        try
        {
            using var traceEnv = Registry.Make<float[], int>(run.EnvId);
            var scores = new ScoreTrace(traceEnv, Plan.EvaluationEpisodes, EvaluationSeed(run), AgentCatalog.TrainingTarget(run.Agent, Plan.TrainingSteps));
            agent.Learn(Plan.TrainingSteps, [new StepReporter(run, progress), scores]);
            trace.AddRange(scores.Points);
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
