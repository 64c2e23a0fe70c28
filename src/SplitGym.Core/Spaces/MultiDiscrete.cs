using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SplitGym.Core.Spaces;

/// <summary>
/// A vector of independent discrete choices, as Gymnasium's <c>MultiDiscrete(nvec, start)</c>:
/// coordinate i takes values in [start[i], start[i] + nvec[i]).
/// </summary>
[JsonConverter(typeof(SpaceJsonConverterFactory))]
public sealed class MultiDiscrete : Space<int[]>
{
    private readonly int[] _nvec;
    private readonly int[] _start;

    /// <summary>Creates the space; <paramref name="start"/> defaults to all zeros.</summary>
    public MultiDiscrete(int[] nvec, int[]? start = null)
    {
        if (nvec.Length == 0 || nvec.Any(n => n <= 0))
        {
            throw new ArgumentException($"MultiDiscrete needs at least one dimension and every nvec entry positive; got [{string.Join(", ", nvec)}].", nameof(nvec));
        }
        if (start is not null && start.Length != nvec.Length)
        {
            throw new ArgumentException($"MultiDiscrete start must have {nvec.Length} entries like nvec, got {start.Length}.", nameof(start));
        }
        _nvec = [.. nvec];
        _start = start is null ? new int[nvec.Length] : [.. start];
    }

    /// <summary>The number of values of each coordinate.</summary>
    public ReadOnlySpan<int> Nvec => _nvec;

    /// <summary>The smallest value of each coordinate.</summary>
    public ReadOnlySpan<int> Start => _start;

    /// <inheritdoc />
    public override IReadOnlyList<int> Shape => [_nvec.Length];

    /// <inheritdoc />
    public override int[] Sample()
    {
        var sample = new int[_nvec.Length];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = _start[i] + Random.NextInt(_nvec[i]);
        }
        return sample;
    }

    /// <summary>
    /// A sample where coordinate i is drawn uniformly among the values whose entry in
    /// <c>masks[i]</c> is true (or <c>start[i]</c> when none is), as Gymnasium's masked sample.
    /// </summary>
    public int[] Sample(IReadOnlyList<bool[]> masks)
    {
        if (masks.Count != _nvec.Length)
        {
            throw new ArgumentException($"Expected one mask per coordinate ({_nvec.Length}), got {masks.Count}.", nameof(masks));
        }
        var sample = new int[_nvec.Length];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = Discrete.SampleMasked(Random, _start[i], _nvec[i], masks[i]);
        }
        return sample;
    }

    /// <inheritdoc />
    public override bool Contains(int[] value)
    {
        if (value is null || value.Length != _nvec.Length)
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] < _start[i] || value[i] - _start[i] >= _nvec[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(Space? other) =>
        other is MultiDiscrete m && m._nvec.AsSpan().SequenceEqual(_nvec) && m._start.AsSpan().SequenceEqual(_start);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(nameof(MultiDiscrete), _nvec.Length, _nvec[0], _start[0]);

    /// <inheritdoc />
    public override string ToString() => $"MultiDiscrete([{string.Join(", ", _nvec)}])";

    /// <inheritdoc />
    public override JsonObject ToJsonNode() => new()
    {
        ["type"] = nameof(MultiDiscrete),
        ["nvec"] = new JsonArray([.. _nvec.Select(n => (JsonNode)n)]),
        ["start"] = new JsonArray([.. _start.Select(s => (JsonNode)s)]),
    };

    internal static MultiDiscrete FromJsonNode(JsonObject node) =>
        new(SpaceJson.IntArray(node, "nvec"), node.ContainsKey("start") ? SpaceJson.IntArray(node, "start") : null);
}
