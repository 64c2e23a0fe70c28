using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SplitGym.Cli.Comparison;
using SplitGym.Cli.Progress;
using SplitGym.Cli.Training;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym train</c>: trains one learning agent on one env with one seed into a run folder
/// (<c>run.json</c>, a rolling <c>checkpoint/</c>, CSV and TensorBoard <c>logs/</c>). Killed at any
/// moment, the same command resumes from the last checkpoint; the checkpoint is saved at resumable
/// boundaries, so the continuation is the one an uninterrupted run would have taken.
/// </summary>
public static class AgentTrainCommand
{
    private static readonly Option<string> Agent = AgentOptions.Learner();
    private static readonly Option<string> Env = AgentOptions.Env("Registered env id to train on (see 'splitgym envs').");
    private static readonly Option<int> Seed = OptionFactory.Integer("--seed", 0, "Seed of everything (initialisation, exploration, envs).", 0);
    private static readonly Option<int> Steps = OptionFactory.Integer("--steps", 100_000, "Total training env steps (an absolute target: a resumed run continues to it).");
    private static readonly Option<int> NumEnvs = OptionFactory.Integer("--envs", 8, "Parallel sub-envs.");
    private static readonly Option<int> CheckpointInterval = OptionFactory.Integer("--checkpoint-interval", 20_000, "Env steps between checkpoints.");
    private static readonly Option<int> Threads = OptionFactory.Integer("--threads", 1, "Torch CPU threads (the 64-64 networks gain nothing from more).");
    private static readonly Option<string> Progress = ProgressDisplay.Option();
    private static readonly Option<string?> Out = new("--out") { Description = "Run folder (default runs/train-AGENT-ENV-seedSEED).", HelpName = "DIR" };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("train",
            "Train one agent on one env and seed into a run folder with a rolling checkpoint; rerun the same command to resume after an interruption.\n\n" +
            "Examples:\n  splitgym train --agent ppo\n  splitgym train --agent dqn --env SplitInference-H-k2-v0 --seed 3 --steps 200000 --out runs/dqn-h2\n" +
            "  splitgym eval --run runs/dqn-h2")
        {
            Agent, Env, Seed, Steps, NumEnvs, CheckpointInterval, Threads, Progress, Out,
        };
        command.SetAction(parse => Run(parse, console));
        return command;
    }

    private static int Run(ParseResult parse, CliConsole console)
    {
        TorchSharp.torch.set_num_threads(parse.GetValue(Threads));
        var run = new TrainedRun(parse.GetRequiredValue(Agent), parse.GetRequiredValue(Env), parse.GetValue(Seed), parse.GetValue(NumEnvs));
        string folder = parse.GetValue(Out) ?? Path.Combine("runs", $"train-{run.Agent}-{run.EnvId}-seed{run.Seed}");
        long steps = parse.GetValue(Steps);
        run.AdoptFolder(folder);
        using var agent = TrainedAgent.Create(run, folder, EnvCommands.Registry);
        if (TrainedAgent.HasCheckpoint(folder))
        {
            agent.Load(TrainedAgent.CheckpointPath(folder));
            console.Out.WriteLine($"resuming from the checkpoint at step {agent.NumTimesteps:N0}/{steps:N0}");
        }
        var key = new RunKey(run.Agent, run.EnvId, run.Seed);
        var progress = ProgressDisplay.Create(parse.GetRequiredValue(Progress), console);
        var clock = Stopwatch.StartNew();
        long startSteps = agent.NumTimesteps;
        progress.Show(1, () =>
        {
            progress.Started(key, steps);
            if (agent.NumTimesteps < steps)
                agent.Learn(steps, [new StepReporter(key, progress), new RollingCheckpoint(parse.GetValue(CheckpointInterval), TrainedAgent.CheckpointPath(folder))]);
        });
        agent.Save(TrainedAgent.CheckpointPath(folder));
        double rate = (agent.NumTimesteps - startSteps) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained {run.Agent} on {run.EnvId} seed {run.Seed} to {agent.NumTimesteps:N0} steps ({rate:0} env-steps/s this session); checkpoint in {Path.GetFullPath(TrainedAgent.CheckpointPath(folder))}"));
        console.Out.WriteLine($"evaluate it with: splitgym eval --run {folder}");
        return ExitCodes.Success;
    }
}
