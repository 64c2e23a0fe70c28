using System.CommandLine;
using SplitGym.Core.Checking;
using SplitGym.Core.Registration;
using SplitGym.Envs.Registration;

namespace SplitGym.Cli.Commands;

/// <summary>
/// <c>splitgym envs</c> lists the registered environments with their spaces; <c>splitgym check ID</c>
/// runs the Gymnasium-style environment checker on one of them.
/// </summary>
public static class EnvCommands
{
    /// <summary>The registry every command uses: the core envs plus the split-inference ids.</summary>
    public static Registry Registry => SplitInferenceRegistration.RegisterDefaults();

    /// <summary>Builds <c>envs</c>.</summary>
    public static Command CreateList(CliConsole console)
    {
        var command = new Command("envs", "List the registered environment ids with their action and observation spaces.\n\nExample:\n  splitgym envs");
        command.SetAction(_ => List(console));
        return command;
    }

    /// <summary>Builds <c>check</c>.</summary>
    public static Command CreateCheck(CliConsole console)
    {
        var id = new Argument<string>("env-id") { Description = "A registered id, e.g. SplitInference-A-k1-v0 (see 'splitgym envs')." };
        var command = new Command("check", "Run the environment checker (a port of Gymnasium's check_env) on a registered environment.\n\nExample:\n  splitgym check SplitInference-A-k1-v0")
        {
            id,
        };
        command.SetAction(parse => Check(parse.GetRequiredValue(id), console));
        return command;
    }

    private static int List(CliConsole console)
    {
        foreach (var spec in Registry.Specs.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            string limit = spec.MaxEpisodeSteps is int steps ? $"{steps} steps" : "no limit";
            console.Out.WriteLine($"{spec.Id,-28} {Describe(spec)}  ({limit})");
        }
        return ExitCodes.Success;
    }

    private static string Describe(EnvSpec spec)
    {
        try
        {
            using var env = spec.Make();
            return $"actions {env.ActionSpace}  observations {env.ObservationSpace}";
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return $"unavailable: {e.Message}";
        }
    }

    private static int Check(string id, CliConsole console)
    {
        using var env = Registry.Make(id);
        var warnings = EnvChecker.Check(env.Unwrapped, skipCloseCheck: false);
        foreach (var warning in warnings) console.Out.WriteLine($"warning: {warning}");
        console.Out.WriteLine($"{id}: passes the environment checker ({warnings.Count} warning{(warnings.Count == 1 ? "" : "s")}).");
        return ExitCodes.Success;
    }
}
