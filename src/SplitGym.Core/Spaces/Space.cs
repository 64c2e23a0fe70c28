using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SplitGym.Core.Spaces;

/// <summary>
/// A set of valid observations or actions, as Gymnasium's <c>Space</c>: it can sample a random
/// element with its own seedable generator, test membership and round-trip through JSON.
/// This untyped base exists so that composite spaces (<see cref="DictSpace"/>, <see cref="TupleSpace"/>),
/// the registry and the checker can handle any space; environments use <see cref="Space{T}"/>.
/// </summary>
[JsonConverter(typeof(SpaceJsonConverterFactory))]
public abstract class Space : IEquatable<Space>
{
    private Rng? _random;

    /// <summary>The generator used by <c>Sample</c>; seeded from entropy until <see cref="Seed"/> is called.</summary>
    protected Rng Random => _random ??= Rng.FromEntropy();

    /// <summary>
    /// The shape of one element (empty for scalars such as <see cref="Discrete"/>), or null for
    /// composite spaces that have no single shape (Gymnasium's <c>Dict</c>/<c>Tuple</c> shape is None).
    /// </summary>
    public abstract IReadOnlyList<int>? Shape { get; }

    /// <summary>
    /// Re-seeds this space's sampling generator so that the following samples are reproducible;
    /// a null seed picks a fresh entropy seed. Composite spaces derive their children's seeds from it.
    /// </summary>
    public virtual void Seed(int? seed) => Random.Reseed(seed ?? Rng.EntropySeed());

    /// <summary>A random element, boxed (the untyped form of <c>Sample</c>).</summary>
    public abstract object SampleObject();

    /// <summary>Whether <paramref name="value"/> is an element of this space (false for values of the wrong type).</summary>
    public abstract bool ContainsObject(object? value);

    /// <summary>Structural equality: same kind, same bounds/sizes, same sub-spaces.</summary>
    public abstract bool Equals(Space? other);

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is Space other && Equals(other);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <summary>The JSON text of this space, e.g. <c>{"type":"Discrete","n":3,"start":0}</c>.</summary>
    public string ToJson() => ToJsonNode().ToJsonString();

    /// <summary>Parses a space written by <see cref="ToJson"/>; errors name the offending field.</summary>
    public static Space FromJson(string json) => SpaceJson.Read(JsonNode.Parse(json)
        ?? throw new FormatException("Expected a JSON object describing a space, got 'null'."));

    /// <summary>The JSON object of this space (the <c>type</c> field names the kind).</summary>
    public abstract JsonObject ToJsonNode();

    /// <summary>Draws a child seed from this space's generator (how composite spaces seed their children).</summary>
    protected int NextChildSeed() => Random.NextInt(int.MaxValue);
}
