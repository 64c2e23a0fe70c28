using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SplitGym.Core.Spaces;

/// <summary>
/// The integers {start, start+1, …, start+n-1}, as Gymnasium's <c>Discrete(n, start)</c>.
/// Membership honours <see cref="Start"/> (a known bug of older .NET ports ignored it).
/// </summary>
[JsonConverter(typeof(SpaceJsonConverterFactory))]
public sealed class Discrete : Space<int>
{
    /// <summary>Creates the space of <paramref name="n"/> consecutive integers beginning at <paramref name="start"/>.</summary>
    public Discrete(int n, int start = 0)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A Discrete space needs a positive number of elements.");
        }
        N = n;
        Start = start;
    }

    /// <summary>The number of elements.</summary>
    public int N { get; }

    /// <summary>The smallest element.</summary>
    public int Start { get; }

    /// <inheritdoc />
    public override IReadOnlyList<int> Shape => [];

    /// <inheritdoc />
    public override int Sample() => Start + Random.NextInt(N);

    /// <summary>
    /// A uniform sample among the elements whose mask entry is true (mask index i stands for
    /// element start+i); when no entry is true, returns <see cref="Start"/>, as Gymnasium does.
    /// </summary>
    public int Sample(ReadOnlySpan<bool> mask) => SampleMasked(Random, Start, N, mask);

    /// <summary>
    /// A sample drawn with the given probability of each element (index i stands for element
    /// start+i), as Gymnasium's <c>sample(probability=...)</c>; the probabilities must lie in [0, 1]
    /// and sum to 1.
    /// </summary>
    public int SampleWithProbability(ReadOnlySpan<double> probability)
    {
        ValidateProbability(probability);
        var u = Random.NextDouble();
        var cumulative = 0.0;
        var last = Start;
        for (var i = 0; i < probability.Length; i++)
        {
            if (probability[i] <= 0)
            {
                continue;
            }
            last = Start + i;
            cumulative += probability[i];
            if (u < cumulative)
            {
                return last;
            }
        }
        return last;
    }

    /// <inheritdoc />
    public override bool Contains(int value) => value >= Start && value - Start < N;

    /// <inheritdoc />
    public override bool Equals(Space? other) => other is Discrete d && d.N == N && d.Start == Start;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(nameof(Discrete), N, Start);

    /// <inheritdoc />
    public override string ToString() => Start == 0 ? $"Discrete({N})" : $"Discrete({N}, start={Start})";

    /// <inheritdoc />
    public override JsonObject ToJsonNode() => new() { ["type"] = nameof(Discrete), ["n"] = N, ["start"] = Start };

    internal static Discrete FromJsonNode(JsonObject node) =>
        new(SpaceJson.Int(node, "n"), SpaceJson.OptionalInt(node, "start") ?? 0);

    private void ValidateProbability(ReadOnlySpan<double> probability)
    {
        if (probability.Length != N)
        {
            throw new ArgumentException($"Expected {N} probabilities (one per element), got {probability.Length}.", nameof(probability));
        }
        var sum = 0.0;
        foreach (var p in probability)
        {
            if (!(p is >= 0 and <= 1))
            {
                throw new ArgumentException($"Every probability must lie in [0, 1], got {p}.", nameof(probability));
            }
            sum += p;
        }
        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw new ArgumentException($"The probabilities must sum to 1, got {sum}.", nameof(probability));
        }
    }

    /// <summary>The masked draw shared with <see cref="MultiDiscrete"/>: uniform over true entries, else <paramref name="start"/>.</summary>
    internal static int SampleMasked(Rng random, int start, int n, ReadOnlySpan<bool> mask)
    {
        if (mask.Length != n)
        {
            throw new ArgumentException($"Expected a mask of length {n} (one entry per element), got length {mask.Length}.", nameof(mask));
        }
        var valid = mask.Count(true);
        if (valid == 0)
        {
            return start;
        }
        var chosen = random.NextInt(valid);
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] && chosen-- == 0)
            {
                return start + i;
            }
        }
        throw new InvalidOperationException("Unreachable: the mask has fewer true entries than counted.");
    }
}
