using System.CommandLine;
using SplitGym.Agents.ModelBased;
using SplitGym.Cli.Comparison;
using SplitGym.Cli.Progress;
using SplitGym.Envs.Channel;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym compare</c>: the main job. Trains the learning agents and runs the baselines on the
/// paper's channel cases and action sizes for several seeds, in parallel, evaluates each run exactly
/// against the oracle, and leaves a folder with per-run logs (CSV, TensorBoard, policy.csv), per-run
/// results, <c>summary.md</c>/<c>summary.json</c> and the figures. A rerun into the same folder skips
/// finished runs; <c>--shard i/N</c> computes a deterministic share for <c>compare merge</c>.
/// </summary>
public static class CompareCommand
{
    private static readonly ListOption<string> Agents = new("--agents", "ppo,dqn,a2c,random,oracle",
        $"Agents of the main grid, from: {string.Join(", ", AgentCatalog.Names)}.", AgentCatalog.ParseName);
    private static readonly ListOption<ChannelCase> Cases = new("--cases", "L,H,A", "Channel cases: L (low noise), H (high noise), A (all).", ChannelCases.Parse);
    private static readonly ListOption<int> ActionSizes = new("--action-sizes", "1", "Action half-widths K of the main grid (2K+1 actions), from 1, 2, 3.", ParseActionHalfWidth);
    private static readonly ListOption<string> SweepAgents = new("--sweep-agents", "ppo",
        "Agents that also run K = 1, 2, 3 (3, 5, 7 actions) on --focus-case, for the action-size figure; 'none' for no sweep.", AgentCatalog.ParseName, allowEmpty: true);
    private static readonly ListOption<string> ModelBased = new("--model-based", "mbrl,surrogate",
        "Model-based agents run at K = 1 on --focus-case (their budget is real evaluations, at most --steps); 'none' for none.", ParseModelBased, allowEmpty: true);
    private static readonly ListOption<int> ModelBasedSeeds = new("--model-based-seeds", "0",
        "Seeds of the model-based runs (each takes a minute or more: its policy trains on its learned env).", ParseSeed);
    private static readonly Option<string> FocusCase = OptionFactory.Choice("--focus-case", "A", "Channel case of the action-size sweep and the model-based agents.", ["L", "H", "A"]);
    private static readonly Option<string?> Env = new("--env") { Description = "Run on this one registered env id instead of the case × action-size grid (no sweep, no model-based runs).", HelpName = "ID" };
    private static readonly ListOption<int> Seeds = new("--seeds", "0,1,2", "Seeds; every agent runs once per seed and env.", ParseSeed);
    private static readonly Option<int> Steps = OptionFactory.Integer("--steps", 100_000, "Training environment steps per learner run.");
    private static readonly Option<int> Episodes = OptionFactory.Integer("--eval-episodes", 50, "Evaluation episodes per run (greedy actions).");
    private static readonly Option<int> NumEnvs = OptionFactory.Integer("--envs", 8, "Parallel sub-envs per learner.");
    private static readonly Option<int> Jobs = OptionFactory.Integer("--jobs", Environment.ProcessorCount, "Runs executed at the same time (default: the number of cores); results do not depend on it.");
    private static readonly Option<string?> Shard = ShardOption.Create("Run only shard i of N (zero-based, e.g. 0/4) of the runs, chosen by each run's identity; combine the shard folders with 'compare merge'.");
    private static readonly Option<string> Progress = ProgressDisplay.Option();
    private static readonly Option<string?> Out = new("--out") { Description = "Output folder (default runs/compare, runs/compare-ID with --env, runs/compare.shard-i-of-N with --shard).", HelpName = "DIR" };

    /// <summary>Builds the command with its <c>merge</c> subcommand.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("compare",
            "Train and compare agents on the split-inference env: agents × cases (L, H, A) × action sizes × seeds, plus an action-size sweep " +
            "(K = 1, 2, 3) for the sweep agents, run in parallel. Writes summary.md, summary.json, figures and per-run logs; a rerun skips finished runs.\n" +
            "The defaults (PPO, DQN, A2C, random and oracle on L, H, A with K = 1; on case A also PPO with K = 2, 3 and the model-based mbrl and surrogate (seed 0); " +
            "seeds 0, 1, 2; 100,000 steps) take a few minutes on 2 cores.\n\n" +
            "Examples:\n  splitgym compare\n" +
            "  splitgym compare --agents ppo,dqn,random,oracle --cases A --action-sizes 1,2,3 --seeds 0,1,2,3,4 --steps 200000 --out runs/big\n" +
            "  splitgym compare --env CartPole-v1 --agents ppo,random\n" +
            "  splitgym compare --shard $SLURM_ARRAY_TASK_ID/8 --out runs/study/shard-$SLURM_ARRAY_TASK_ID   # then: splitgym compare merge runs/study/shard-* --out runs/study")
        {
            Agents.Option, Cases.Option, ActionSizes.Option, SweepAgents.Option, ModelBased.Option, ModelBasedSeeds.Option, FocusCase, Env, Seeds.Option, Steps, Episodes, NumEnvs, Jobs, Shard, Progress, Out,
            CompareMergeCommand.Create(console),
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(Env) is null) return;
            foreach (var gridOption in new Option[] { Cases.Option, ActionSizes.Option, FocusCase })
            {
                if (result.GetResult(gridOption) is { Implicit: false })
                    result.AddError($"--env runs one env id, so {gridOption.Name} does not apply; drop one of them.");
            }
        });
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static int Run(ParseResult parse, CliConsole console)
    {
        // The policies are 64-64 MLPs on batches of at most a few hundred rows: intra-op threads buy nothing
        // there, and libgomp's spin-waiting makes a second thread very costly when the cores are shared.
        // Parallelism comes from running several runs at once instead (--jobs).
        TorchSharp.torch.set_num_threads(1);
        var shard = ShardOption.Value(parse, Shard);
        var plan = new ComparisonPlan(Runs(parse), parse.GetValue(Steps), parse.GetValue(Episodes), parse.GetValue(NumEnvs));
        string folder = parse.GetValue(Out) ?? DefaultFolder(parse.GetValue(Env), shard);
        var results = new ComparisonRunner(EnvCommands.Registry, plan, shard, folder, parse.GetValue(Jobs))
            .Run(ProgressDisplay.Create(parse.GetRequiredValue(Progress), console));
        console.Out.WriteLine();
        if (!shard.IsWhole)
        {
            console.Out.WriteLine($"Shard {shard}: {results.Count} of {plan.Runs.Count} runs finished in {Path.GetFullPath(folder)}; combine all shards with 'splitgym compare merge SHARD-FOLDERS... --out DIR'.");
            return ExitCodes.Success;
        }
        console.Out.Write(ComparisonReport.Write(folder, plan, results).ToMarkdown());
        console.Out.WriteLine($"Results in {Path.GetFullPath(folder)}");
        return ExitCodes.Success;
    }

    private static IReadOnlyList<RunKey> Runs(ParseResult parse)
    {
        var agents = Agents.Value(parse);
        var seeds = Seeds.Value(parse);
        if (parse.GetValue(Env) is { } env)
        {
            _ = EnvCommands.Registry.Spec(env); // an unknown id fails here, before any output folder is created
            return ComparisonGrid.SingleEnv(agents, env, seeds);
        }
        return ComparisonGrid.Build(agents, Cases.Value(parse), ActionSizes.Value(parse), seeds,
            SweepAgents.Value(parse), ModelBased.Value(parse), ModelBasedSeeds.Value(parse), ChannelCases.Parse(parse.GetRequiredValue(FocusCase)));
    }

    private static string DefaultFolder(string? env, Llm.Calibration.ShardSpec shard) =>
        Path.Combine("runs", (env is null ? "compare" : $"compare-{env}") + (shard.IsWhole ? "" : $".shard-{shard.Index}-of-{shard.Count}"));

    private static int ParseActionHalfWidth(string text) =>
        int.TryParse(text, out int k) && k is >= 1 and <= 3 ? k : throw new ArgumentException($"--action-sizes: '{text}' is not 1, 2 or 3 (K of the 2K+1 actions).");

    private static string ParseModelBased(string text) =>
        AgentCatalog.ParseName(text) is var name && ModelBasedAgents.IsModelBased(name)
            ? name : throw new ArgumentException($"--model-based: '{text}' is not a model-based agent; expected {string.Join(", ", ModelBasedAgents.Names)} or none.");

    private static int ParseSeed(string text) =>
        int.TryParse(text, out int seed) && seed >= 0 ? seed : throw new ArgumentException($"'{text}' is not a non-negative seed; expected a list like 0,1,2.");
}
