using System.CommandLine;
using System.Text.Json;
using SplitGym.Agents.Evaluation;
using SplitGym.Cli.Comparison;
using SplitGym.Cli.Training;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym eval</c>: loads the checkpoint of a <c>splitgym train</c> run folder and evaluates the
/// greedy policy exactly against the oracle and the random policy on the same episodes: normalised
/// score, regret, returns and live-equivalent evaluations, as a table and optionally as JSON.
/// </summary>
public static class AgentEvalCommand
{
    private static readonly Option<string> RunFolder = new("--run") { Description = "Run folder written by 'splitgym train'.", HelpName = "DIR", Required = true };
    private static readonly Option<string?> Env = new("--env") { Description = "Evaluate on this env id instead of the training env (same spaces, e.g. another case).", HelpName = "ID" };
    private static readonly Option<int> Episodes = OptionFactory.Integer("--episodes", 50, "Evaluation episodes.");
    private static readonly Option<int?> Seed = new("--seed") { Description = $"Seed of the first evaluation episode (default {RunExecution.EvaluationSeedOffset:N0} + training seed, as compare).", HelpName = "INT" };
    private static readonly Option<string?> Json = new("--json") { Description = "Also write the metrics to this JSON file.", HelpName = "FILE" };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("eval",
            "Evaluate a trained agent checkpoint: normalised score (0 random, 1 oracle), regret, returns, live-equivalent evaluations.\n\n" +
            "Examples:\n  splitgym eval --run runs/train-ppo-SplitInference-A-k1-v0-seed0\n" +
            "  splitgym eval --run runs/dqn-h2 --env SplitInference-A-k2-v0 --episodes 200 --json dqn-h2.json")
        {
            RunFolder, Env, Episodes, Seed, Json,
        };
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static int Run(ParseResult parse, CliConsole console)
    {
        TorchSharp.torch.set_num_threads(1);
        string folder = parse.GetRequiredValue(RunFolder);
        var run = TrainedRun.Load(folder);
        string envId = parse.GetValue(Env) ?? run.EnvId;
        var registry = EnvCommands.Registry;
        using var env = registry.Make<float[], int>(envId);
        using var agent = TrainedAgent.Restore(folder, registry);
        int seed = parse.GetValue(Seed) ?? RunExecution.EvaluationSeedOffset + run.Seed;
        var evaluation = Evaluator.Evaluate(agent, env, parse.GetValue(Episodes), deterministic: true, seed: seed);
        var metrics = new AgentEvaluation(run.Agent, envId, run.Seed, agent.NumTimesteps, evaluation.Returns.Length, seed,
            evaluation.NormalisedScore ?? double.NaN, evaluation.MeanRegret ?? double.NaN, evaluation.MeanReturn, evaluation.StdReturn,
            evaluation.MeanLength, AgentCatalog.LiveEquivalentEvaluations(agent), evaluation.LiveEvaluations);
        console.Out.Write(metrics.ToTable());
        if (parse.GetValue(Json) is { } path)
        {
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(metrics, RunResult.Json));
            console.Out.WriteLine($"wrote {Path.GetFullPath(path)}");
        }
        return ExitCodes.Success;
    }
}
