using System.Text.RegularExpressions;

namespace SplitGym.Core.Registration;

/// <summary>
/// A parsed environment id of the form <c>[Namespace/]Name-vN</c>, e.g. <c>CartPole-v1</c> or
/// <c>SplitGym/SplitInference-v0</c>. The version is mandatory so that results always name the
/// exact environment revision they were produced with.
/// </summary>
/// <param name="Namespace">Optional namespace (the part before '/').</param>
/// <param name="Name">The environment name.</param>
/// <param name="Version">The version number N.</param>
public sealed partial record EnvId(string? Namespace, string Name, int Version)
{
    /// <summary>The canonical text form.</summary>
    public override string ToString() => $"{(Namespace is null ? "" : Namespace + "/")}{Name}-v{Version}";

    /// <summary>Parses <paramref name="id"/>; throws <see cref="ArgumentException"/> naming the id and the expected form.</summary>
    public static EnvId Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var match = IdPattern().Match(id);
        if (!match.Success)
        {
            throw new ArgumentException(
                $"Malformed environment id '{id}': expected '[Namespace/]Name-vN' (letters, digits, '_', '-', '.', ':'; version a non-negative integer), e.g. 'CartPole-v1'.",
                nameof(id));
        }
        var ns = match.Groups["ns"].Success ? match.Groups["ns"].Value : null;
        return new EnvId(ns, match.Groups["name"].Value, int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?:(?<ns>[A-Za-z0-9_][\w:.-]*)/)?(?<name>[A-Za-z0-9_][\w:.-]*?)-v(?<version>\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
