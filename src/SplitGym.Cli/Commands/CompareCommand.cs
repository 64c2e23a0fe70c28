using System.CommandLine;
using System.Globalization;
using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym compare</c>: the main job. Trains the learning agents and runs the baselines on a
/// registered env for several seeds, evaluates each exactly against the oracle, and leaves a folder
/// with per-run logs (CSV, TensorBoard), per-run results, a <c>summary.md</c>/<c>summary.json</c>
/// table and <c>learning-curves.png</c>. Rerunning with the same folder skips finished runs. The defaults
/// (five agents × three seeds × 100,000 steps on <c>SplitInference-A-k1-v0</c>) take about three minutes on
/// two cores.
/// </summary>
public static class CompareCommand
{
    private static readonly Option<string> Env = new("--env") { Description = "Registered env id.", DefaultValueFactory = _ => "SplitInference-A-k1-v0", HelpName = "ID" };
    private static readonly Option<string> Agents = new("--agents") { Description = "Comma-separated agents: ppo, dqn, a2c, random, oracle.", DefaultValueFactory = _ => "ppo,dqn,a2c,random,oracle", HelpName = "LIST" };
    private static readonly Option<string> Seeds = new("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "0,1,2", HelpName = "LIST" };
    private static readonly Option<int> Steps = OptionFactory.Integer("--steps", 100_000, "Training environment steps per learner run.");
    private static readonly Option<int> Episodes = OptionFactory.Integer("--eval-episodes", 50, "Evaluation episodes per run.");
    private static readonly Option<int> NumEnvs = OptionFactory.Integer("--envs", 8, "Parallel sub-envs per learner.");
    private static readonly Option<string?> Out = new("--out") { Description = "Output folder (default runs/compare-<env>).", HelpName = "DIR" };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("compare",
            "Train and compare agents on an environment; writes summary.md, summary.json and per-run logs.\n\n" +
            "Examples:\n  splitgym compare\n  splitgym compare --env SplitInference-H-k2-v0 --agents ppo,dqn,oracle --seeds 0,1,2 --steps 200000")
        {
            Env, Agents, Seeds, Steps, Episodes, NumEnvs, Out,
        };
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static int Run(ParseResult parse, CliConsole console)
    {
        // The policies are 64-64 MLPs on batches of at most a few hundred rows: intra-op threads buy nothing
        // there, and libgomp's spin-waiting makes a second thread very costly when the cores are shared.
        TorchSharp.torch.set_num_threads(1);
        string env = parse.GetRequiredValue(Env);
        _ = EnvCommands.Registry.Spec(env); // an unknown id fails here, before any output folder is created
        var runner = new ComparisonRunner(
            EnvCommands.Registry, env, AgentCatalog.Parse(parse.GetRequiredValue(Agents)), ParseSeeds(parse.GetRequiredValue(Seeds)),
            parse.GetValue(Steps), parse.GetValue(Episodes), parse.GetValue(NumEnvs),
            parse.GetValue(Out) ?? Path.Combine("runs", $"compare-{env}"));
        var summary = runner.Run(console.Out);
        console.Out.WriteLine();
        console.Out.Write(summary.ToMarkdown());
        console.Out.WriteLine($"Results in {Path.GetFullPath(runner.Folder)}");
        return ExitCodes.Success;
    }

    private static IReadOnlyList<int> ParseSeeds(string list)
    {
        var seeds = new List<int>();
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) || seed < 0)
                throw new ArgumentException($"Seed '{part}' is not a non-negative integer; expected --seeds like 0,1,2.");
            seeds.Add(seed);
        }
        return seeds.Count > 0 ? seeds : throw new ArgumentException("--seeds is empty; expected a comma-separated list such as 0,1,2.");
    }
}
