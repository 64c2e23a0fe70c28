using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SplitGym.Core.Spaces;

/// <summary>
/// A dictionary of named sub-spaces, as Gymnasium's <c>Dict</c>; elements are dictionaries with
/// exactly the same keys. Keys are kept sorted (as Gymnasium sorts a plain dict) so that sampling
/// and seeding do not depend on insertion order.
/// </summary>
[JsonConverter(typeof(SpaceJsonConverterFactory))]
public sealed class DictSpace : Space<IReadOnlyDictionary<string, object>>
{
    private readonly SortedDictionary<string, Space> _spaces;

    /// <summary>Creates the space from its named sub-spaces.</summary>
    public DictSpace(IEnumerable<KeyValuePair<string, Space>> spaces)
    {
        _spaces = new SortedDictionary<string, Space>(StringComparer.Ordinal);
        foreach (var (key, space) in spaces)
        {
            ArgumentNullException.ThrowIfNull(space, $"spaces[{key}]");
            _spaces.Add(key, space);
        }
    }

    /// <summary>The sub-spaces by key, in sorted key order.</summary>
    public IReadOnlyDictionary<string, Space> Spaces => _spaces;

    /// <summary>The sub-space called <paramref name="key"/>.</summary>
    public Space this[string key] => _spaces.TryGetValue(key, out var space)
        ? space
        : throw new KeyNotFoundException($"DictSpace has no key '{key}'; keys: {string.Join(", ", _spaces.Keys)}.");

    /// <inheritdoc />
    public override IReadOnlyList<int>? Shape => null;

    /// <inheritdoc />
    public override void Seed(int? seed)
    {
        base.Seed(seed);
        foreach (var space in _spaces.Values)
        {
            space.Seed(NextChildSeed());
        }
    }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object> Sample() =>
        _spaces.ToDictionary(kv => kv.Key, kv => kv.Value.SampleObject(), StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Contains(IReadOnlyDictionary<string, object> value) =>
        value is not null && value.Count == _spaces.Count
        && _spaces.All(kv => value.TryGetValue(kv.Key, out var element) && kv.Value.ContainsObject(element));

    /// <inheritdoc />
    public override bool Equals(Space? other) =>
        other is DictSpace d && d._spaces.Count == _spaces.Count
        && _spaces.All(kv => d._spaces.TryGetValue(kv.Key, out var space) && space.Equals(kv.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(nameof(DictSpace), _spaces.Count);

    /// <inheritdoc />
    public override string ToString() => $"Dict({string.Join(", ", _spaces.Select(kv => $"'{kv.Key}': {kv.Value}"))})";

    /// <inheritdoc />
    public override JsonObject ToJsonNode()
    {
        var spaces = new JsonObject();
        foreach (var (key, space) in _spaces)
        {
            spaces[key] = space.ToJsonNode();
        }
        return new JsonObject { ["type"] = "Dict", ["spaces"] = spaces };
    }

    internal static DictSpace FromJsonNode(JsonObject node)
    {
        var spaces = SpaceJson.Field(node, "spaces") as JsonObject
            ?? throw new FormatException("A Dict space's 'spaces' field must be a JSON object of named spaces.");
        return new DictSpace(spaces.Select(kv => KeyValuePair.Create(kv.Key, SpaceJson.Read(kv.Value
            ?? throw new FormatException($"Dict sub-space '{kv.Key}' is null.")))));
    }
}
