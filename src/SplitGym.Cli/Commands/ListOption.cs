using System.CommandLine;

namespace SplitGym.Cli.Commands;

/// <summary>
/// A comma-separated list option (seeds, agents, cases, action sizes) whose every item is checked at
/// parse time, so a bad item is one usage-error line naming the option, the item and what was expected.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ListOption<T>
{
    private readonly Func<string, T> _parseItem;

    /// <summary>Creates the option.</summary>
    /// <param name="name">Option name, e.g. <c>--seeds</c>.</param>
    /// <param name="defaultValue">Default list text.</param>
    /// <param name="description">Help text.</param>
    /// <param name="parseItem">Parses one item; throws <see cref="ArgumentException"/> or <see cref="FormatException"/> saying what was expected.</param>
    /// <param name="allowEmpty">Whether an empty list (or <c>none</c>) is allowed.</param>
    public ListOption(string name, string defaultValue, string description, Func<string, T> parseItem, bool allowEmpty = false)
    {
        _parseItem = parseItem;
        AllowEmpty = allowEmpty;
        Option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "LIST" };
        Option.Validators.Add(result =>
        {
            if (!OptionFactory.TryParsedValue(result, out string? text) || text is null) return;
            try
            {
                Parse(text);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                result.AddError(e.Message);
            }
        });
    }

    /// <summary>The underlying option (add it to a command).</summary>
    public Option<string> Option { get; }

    /// <summary>Whether the list may be empty.</summary>
    public bool AllowEmpty { get; }

    /// <summary>The parsed items of the option in <paramref name="parse"/>.</summary>
    public IReadOnlyList<T> Value(ParseResult parse) => Parse(parse.GetRequiredValue(Option));

    /// <summary>One item, with the option's name in front of the parser's message so that the error says which option was wrong.</summary>
    private T ParseItem(string part)
    {
        try
        {
            return _parseItem(part);
        }
        catch (Exception e) when ((e is ArgumentException or FormatException) && !e.Message.StartsWith(Option.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{Option.Name}: {e.Message}", e);
        }
    }

    /// <summary>Parses a comma-separated list, refusing empty lists (unless allowed) and repeated items.</summary>
    public IReadOnlyList<T> Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (AllowEmpty && parts is ["none"]) return [];
        if (parts.Length == 0 && !AllowEmpty) throw new ArgumentException($"{Option.Name} is empty; expected a comma-separated list.");
        var items = new List<T>();
        foreach (var part in parts)
        {
            var item = ParseItem(part);
            if (items.Contains(item)) throw new ArgumentException($"{Option.Name} lists '{part}' twice; expected each item once.");
            items.Add(item);
        }
        return items;
    }
}
