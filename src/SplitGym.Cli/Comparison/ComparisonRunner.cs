using System.Diagnostics;
using System.Globalization;
using SplitGym.Agents;
using SplitGym.Agents.Evaluation;
using SplitGym.Agents.Training;
using SplitGym.Core;
using SplitGym.Core.Registration;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Trains and evaluates every (agent, seed) pair of a comparison on one registered env, one run after
/// the other, saving each result as it finishes (so a rerun skips finished runs) and the summary at
/// the end, with the learning curves as <c>learning-curves.png</c>. Runs are sequential because one PPO or DQN learner already keeps both cores busy.
/// </summary>
/// <param name="Registry">Where the env id is registered.</param>
/// <param name="EnvId">The env to train and evaluate on.</param>
/// <param name="Agents">Agent names (see <see cref="AgentCatalog"/>).</param>
/// <param name="Seeds">Seeds; each agent runs once per seed.</param>
/// <param name="TrainingSteps">Environment steps per learner run.</param>
/// <param name="EvaluationEpisodes">Evaluation episodes per run (deterministic actions).</param>
/// <param name="NumEnvs">Parallel sub-envs of each learner.</param>
/// <param name="Folder">Output folder (results, runs, summary).</param>
public sealed record ComparisonRunner(
    Registry Registry, string EnvId, IReadOnlyList<string> Agents, IReadOnlyList<int> Seeds,
    long TrainingSteps, int EvaluationEpisodes, int NumEnvs, string Folder)
{
    /// <summary>Seed offset of evaluation episodes, so they never replay training episodes.</summary>
    public const int EvaluationSeedOffset = 1_000_000;

    /// <summary>Runs what is not finished yet and writes the summary; progress goes to <paramref name="progress"/>.</summary>
    public ComparisonSummary Run(TextWriter progress)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "results"));
        var results = new List<RunResult>();
        int total = Agents.Count * Seeds.Count, done = 0;
        foreach (var agent in Agents)
        {
            foreach (var seed in Seeds)
            {
                done++;
                var path = RunResult.PathFor(Folder, agent, seed);
                var result = File.Exists(path) ? RunResult.Load(path) : RunOne(agent, seed, progress, done, total);
                if (!File.Exists(path)) result.Save(path);
                else progress.WriteLine($"[{done}/{total}] {agent} seed {seed}: finished earlier, kept ({path})");
                results.Add(result);
            }
        }
        var summary = new ComparisonSummary(string.Create(CultureInfo.InvariantCulture,
            $"{EnvId}: {string.Join(", ", Agents)} × seeds {string.Join(",", Seeds)}, {TrainingSteps:N0} training steps, {EvaluationEpisodes} evaluation episodes"), results);
        summary.Write(Folder);
        Plots.LearningCurvePlot.Save(EnvId, results, Path.Combine(Folder, "learning-curves.png"));
        return summary;
    }

    private RunResult RunOne(string agentName, int seed, TextWriter progress, int index, int total)
    {
        progress.WriteLine($"[{index}/{total}] {agentName} seed {seed}: {(AgentCatalog.Learns(agentName) ? $"training for {TrainingSteps:N0} steps" : "baseline, evaluating")}");
        var clock = Stopwatch.StartNew();
        using var evaluationEnv = Registry.Make<float[], int>(EnvId);
        using var agent = CreateAgent(agentName, seed, evaluationEnv, out var runFolder);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var evaluation = Evaluator.Evaluate(agent, evaluationEnv, EvaluationEpisodes, deterministic: true, seed: EvaluationSeedOffset + seed);
        var result = new RunResult(
            agentName, seed, agent.NumTimesteps, agent.NumTimesteps, evaluation.NormalisedScore ?? double.NaN,
            evaluation.MeanRegret ?? double.NaN, evaluation.MeanReturn, clock.Elapsed.TotalSeconds,
            agent.NumTimesteps == 0 ? 0 : agent.NumTimesteps / trainSeconds, runFolder);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{index}/{total}] {agentName} seed {seed}: normalised score {result.NormalisedScore:0.000}, regret {result.MeanRegret:0.0000}, {result.WallSeconds:0.0} s"));
        return result;
    }

    private IAgent CreateAgent(string name, int seed, Env<float[], int> evaluationEnv, out string? runFolder)
    {
        runFolder = null;
        if (!AgentCatalog.Learns(name)) return AgentCatalog.CreateBaseline(name, evaluationEnv, seed);
        var runs = Path.Combine(Folder, "runs");
        var agent = AgentCatalog.CreateLearner(name, AgentEnvs.Make(EnvId, NumEnvs, Registry),
            new TrainingOptions { Seed = seed, EnvName = EnvId, RunsFolder = runs });
        agent.Learn(TrainingSteps);
        runFolder = Directory.EnumerateDirectories(runs, $"{EnvId}__{agent.Name}__{seed}__*").OrderBy(d => d, StringComparer.Ordinal).LastOrDefault();
        return agent;
    }
}
