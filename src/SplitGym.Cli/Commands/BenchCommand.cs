using System.CommandLine;
using System.Globalization;
using System.Text;
using SplitGym.Cli.Bench;
using SplitGym.Cli.Comparison;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym bench</c>: a quick throughput check on the machine at hand: env steps per second of the
/// raw, Make-stack and vector paths, and the learning throughput of the agents. Prints a Markdown
/// table (with the load during the run) and can write or append it to a Markdown file.
/// </summary>
public static class BenchCommand
{
    private static readonly Option<string> Env = AgentOptions.Env("Registered env id to measure.");
    private static readonly Option<int> Steps = OptionFactory.Integer("--steps", 200_000, "Env steps per env path.");
    private static readonly Option<int> VectorEnvs = OptionFactory.Integer("--vector-envs", 16, "Sub-envs of the vector path.");
    private static readonly ListOption<string> Agents = new("--agents", "ppo,dqn,a2c", "Learners to time ('none' for env paths only).", ParseLearner, allowEmpty: true);
    private static readonly Option<int> AgentSteps = OptionFactory.Integer("--agent-steps", 16_384, "Learning env steps per agent (PPO's first rollout and update is 16,384 with 8 envs).");
    private static readonly Option<int> NumEnvs = OptionFactory.Integer("--envs", 8, "Sub-envs per learner.");
    private static readonly Option<string?> Markdown = new("--markdown") { Description = "Write the table (with command, date and load) to this Markdown file.", HelpName = "FILE" };
    private static readonly Option<bool> Append = new("--append") { Description = "Append to the --markdown file instead of replacing it." };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("bench",
            "Measure env steps/s (raw, Make stack, vector) and agent learning throughput; about half a minute with the defaults.\n\n" +
            "Examples:\n  splitgym bench\n  splitgym bench --env CartPole-v1 --agents ppo --agent-steps 32768\n" +
            "  splitgym bench --markdown docs/bench-local.md --append")
        {
            Env, Steps, VectorEnvs, Agents.Option, AgentSteps, NumEnvs, Markdown, Append,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(Append) is { Implicit: false } && result.GetResult(Markdown) is null)
                result.AddError("--append needs --markdown FILE to append to.");
        });
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static int Run(ParseResult parse, CliConsole console)
    {
        TorchSharp.torch.set_num_threads(1);
        string env = parse.GetRequiredValue(Env);
        var registry = EnvCommands.Registry;
        var envs = new EnvThroughput(registry, env);
        long steps = parse.GetValue(Steps);
        var rows = new List<Throughput> { envs.Raw(steps), envs.Made(steps), envs.Vector(steps, parse.GetValue(VectorEnvs)) };
        var agents = new AgentThroughput(registry, env, parse.GetValue(NumEnvs));
        rows.AddRange(Agents.Value(parse).Select(agent => agents.Measure(agent, parse.GetValue(AgentSteps))));
        string table = Throughput.Table(rows);
        console.Out.WriteLine($"{env}, {Environment.ProcessorCount} cores, load {LoadAverage()}, one torch thread");
        console.Out.Write(table);
        if (parse.GetValue(Markdown) is { } path) WriteMarkdown(path, parse.GetValue(Append), env, table);
        return ExitCodes.Success;
    }

    private static void WriteMarkdown(string path, bool append, string env, string table)
    {
        var text = new StringBuilder();
        if (append && File.Exists(path)) text.Append(File.ReadAllText(path)).AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"### splitgym bench, {env}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")).AppendLine();
        text.AppendLine($"Command: `splitgym {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`; {Environment.ProcessorCount} cores; load average (1, 5, 15 min) at the end: {LoadAverage()}.").AppendLine();
        text.Append(table);
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg, or "unknown" off Linux.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string ParseLearner(string name)
    {
        var agent = AgentCatalog.ParseName(name);
        return AgentCatalog.Learns(agent) ? agent : throw new ArgumentException($"--agents: '{name}' is a baseline, not a learner; expected learners such as ppo,dqn,a2c.");
    }
}
