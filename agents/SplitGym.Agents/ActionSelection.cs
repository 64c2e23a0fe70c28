using SplitGym.Core;

namespace SplitGym.Agents;

/// <summary>Picks discrete actions from per-action scores on the CPU, honouring optional action masks.</summary>
public static class ActionSelection
{
    /// <summary>The allowed action with the largest score (lowest index on ties).</summary>
    public static int Argmax(ReadOnlySpan<float> scores, ReadOnlySpan<bool> mask = default)
    {
        CheckMask(scores.Length, mask);
        int best = -1;
        for (int a = 0; a < scores.Length; a++)
        {
            if (Allowed(mask, a) && (best < 0 || scores[a] > scores[best])) best = a;
        }
        return best;
    }

    /// <summary>
    /// A sample from the categorical distribution softmax(<paramref name="logits"/>) restricted to the
    /// allowed actions (log-probabilities work too: they are logits).
    /// </summary>
    public static int Sample(ReadOnlySpan<float> logits, Rng rng, ReadOnlySpan<bool> mask = default)
    {
        int best = Argmax(logits, mask);
        double total = 0;
        for (int a = 0; a < logits.Length; a++) total += Allowed(mask, a) ? Math.Exp(logits[a] - logits[best]) : 0;
        double u = rng.NextDouble() * total;
        int last = best;
        for (int a = 0; a < logits.Length; a++)
        {
            if (!Allowed(mask, a)) continue;
            last = a;
            u -= Math.Exp(logits[a] - logits[best]);
            if (u < 0) return a;
        }
        return last;
    }

    /// <summary>A uniform draw among the allowed actions of <paramref name="count"/>.</summary>
    public static int Uniform(int count, Rng rng, ReadOnlySpan<bool> mask = default)
    {
        CheckMask(count, mask);
        if (mask.IsEmpty) return rng.NextInt(count);
        int chosen = rng.NextInt(mask.Count(true));
        for (int a = 0; a < count; a++)
        {
            if (mask[a] && chosen-- == 0) return a;
        }
        throw new InvalidOperationException("Unreachable: fewer allowed actions than counted.");
    }

    private static bool Allowed(ReadOnlySpan<bool> mask, int action) => mask.IsEmpty || mask[action];

    /// <summary>Throws unless <paramref name="mask"/> is empty or has one entry per action with at least one allowed.</summary>
    internal static void CheckMask(int count, ReadOnlySpan<bool> mask)
    {
        if (mask.IsEmpty) return;
        if (mask.Length != count)
            throw new ArgumentException($"Expected an action mask of length {count} (one entry per action), got {mask.Length}.", nameof(mask));
        if (!mask.Contains(true))
            throw new ArgumentException("The action mask allows no action; at least one entry must be true.", nameof(mask));
    }
}
