using System.CommandLine;
using SplitGym.Cli.Comparison;
using SplitGym.Envs.Registration;

namespace SplitGym.Cli.Commands;

/// <summary>Options shared by the agent commands (train, bench), checked at parse time.</summary>
public static class AgentOptions
{
    /// <summary>The id agents train on unless told otherwise.</summary>
    public const string DefaultEnv = "SplitInference-A-k1-v0";

    /// <summary>A <c>--agent NAME</c> option accepting the learning agents of <see cref="AgentCatalog"/>.</summary>
    public static Option<string> Learner(bool required = true)
    {
        var learners = AgentCatalog.Names.Where(AgentCatalog.Learns).ToArray();
        var option = new Option<string>("--agent") { Description = $"Learning agent: {string.Join(", ", learners)}.", Required = required, HelpName = "NAME" };
        option.AcceptOnlyFromAmong(learners);
        return option;
    }

    /// <summary>An <c>--env ID</c> option whose value must be a registered id (the error lists the registered ones).</summary>
    public static Option<string> Env(string description)
    {
        var option = new Option<string>("--env") { Description = description, DefaultValueFactory = _ => DefaultEnv, HelpName = "ID" };
        option.Validators.Add(result =>
        {
            if (!OptionFactory.TryParsedValue(result, out string? id) || id is null) return;
            try
            {
                _ = SplitInferenceRegistration.RegisterDefaults().Spec(id);
            }
            catch (Exception e) when (e is KeyNotFoundException or ArgumentException or FormatException)
            {
                result.AddError($"--env: {e.Message}");
            }
        });
        return option;
    }
}
