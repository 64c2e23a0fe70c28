using System.CommandLine;
using SplitGym.Llm.Calibration;

namespace SplitGym.Cli.Commands;

/// <summary>The <c>--shard i/N</c> option, checked at parse time (zero-based, like Slurm array task ids and Kubernetes completion indices).</summary>
public static class ShardOption
{
    /// <summary>Creates the option with <paramref name="description"/>.</summary>
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--shard") { Description = description, HelpName = "i/N" };
        option.Validators.Add(result =>
        {
            if (!OptionFactory.TryParsedValue(result, out string? text) || text is null) return;
            try
            {
                ShardSpec.Parse(text);
            }
            catch (FormatException e)
            {
                result.AddError($"--shard: {e.Message}");
            }
        });
        return option;
    }

    /// <summary>The shard given on the command line, or the whole job.</summary>
    public static ShardSpec Value(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? ShardSpec.Parse(text) : ShardSpec.Whole;
}
