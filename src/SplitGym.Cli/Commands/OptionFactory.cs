using System.CommandLine;
using System.Globalization;

namespace SplitGym.Cli.Commands;

/// <summary>Builds options with range checks, so a bad value is rejected at parse time with the option's name, the value and the expected range.</summary>
public static class OptionFactory
{
    /// <summary>An integer option that must be ≥ <paramref name="minimum"/>.</summary>
    public static Option<int> Integer(string name, int defaultValue, string description, int minimum = 1)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (!TryParsedValue(result, out int value)) return;
            if (value < minimum) result.AddError($"{name} {value} is out of range; expected an integer ≥ {minimum}.");
        });
        return option;
    }

    /// <summary>A real option that must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<double> Real(string name, double defaultValue, string description, double minimum, double maximum = double.MaxValue)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (!TryParsedValue(result, out double value)) return;
            if (!(value >= minimum && value <= maximum))
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} {value} is out of range; expected a number in [{minimum}, {(maximum == double.MaxValue ? "∞" : maximum)}]."));
        });
        return option;
    }

    /// <summary>A string option that accepts only <paramref name="choices"/> (the parser names the bad value and lists them).</summary>
    public static Option<string> Choice(string name, string defaultValue, string description, IReadOnlyList<string> choices)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = string.Join('|', choices) };
        option.AcceptOnlyFromAmong([.. choices]);
        return option;
    }

    /// <summary>
    /// The option's value, or false when its token could not be converted (the parser already reports
    /// that error, naming the bad value), so range checks never throw on unparsable input.
    /// </summary>
    public static bool TryParsedValue<T>(System.CommandLine.Parsing.OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }
}
