using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SplitGym.Core.Spaces;

/// <summary>
/// An ordered product of sub-spaces, as Gymnasium's <c>Tuple</c>; elements are object arrays
/// whose i-th entry belongs to the i-th sub-space.
/// </summary>
[JsonConverter(typeof(SpaceJsonConverterFactory))]
public sealed class TupleSpace : Space<object[]>
{
    private readonly Space[] _spaces;

    /// <summary>Creates the space from its ordered sub-spaces.</summary>
    public TupleSpace(params Space[] spaces)
    {
        for (var i = 0; i < spaces.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(spaces[i], $"spaces[{i}]");
        }
        _spaces = [.. spaces];
    }

    /// <summary>The sub-spaces in order.</summary>
    public IReadOnlyList<Space> Spaces => _spaces;

    /// <inheritdoc />
    public override IReadOnlyList<int>? Shape => null;

    /// <inheritdoc />
    public override void Seed(int? seed)
    {
        base.Seed(seed);
        foreach (var space in _spaces)
        {
            space.Seed(NextChildSeed());
        }
    }

    /// <inheritdoc />
    public override object[] Sample() => [.. _spaces.Select(s => s.SampleObject())];

    /// <inheritdoc />
    public override bool Contains(object[] value) =>
        value is not null && value.Length == _spaces.Length && _spaces.Zip(value).All(p => p.First.ContainsObject(p.Second));

    /// <inheritdoc />
    public override bool Equals(Space? other) => other is TupleSpace t && t._spaces.SequenceEqual(_spaces);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(nameof(TupleSpace), _spaces.Length);

    /// <inheritdoc />
    public override string ToString() => $"Tuple({string.Join(", ", _spaces.Select(s => s.ToString()))})";

    /// <inheritdoc />
    public override JsonObject ToJsonNode() => new()
    {
        ["type"] = "Tuple",
        ["spaces"] = new JsonArray([.. _spaces.Select(s => (JsonNode)s.ToJsonNode())]),
    };

    internal static TupleSpace FromJsonNode(JsonObject node)
    {
        var spaces = SpaceJson.Field(node, "spaces") as JsonArray
            ?? throw new FormatException("A Tuple space's 'spaces' field must be a JSON array of spaces.");
        return new TupleSpace([.. spaces.Select((s, i) => SpaceJson.Read(s ?? throw new FormatException($"Tuple sub-space {i} is null.")))]);
    }
}
