namespace SplitGym.Agents.ModelBased;

/// <summary>
/// Chooses the next real evaluations from scored candidate points: the highest score first (the
/// ensemble's disagreement), skipping any candidate within an exclusion radius of a point already
/// evaluated or already chosen, so one batch spreads over the uncertain regions instead of piling onto
/// one. Never returns more than the budget.
/// </summary>
public static class Acquisition
{
    /// <summary>Indices into <paramref name="candidates"/> of at most <paramref name="budget"/> chosen points, best first.</summary>
    /// <param name="candidates">Candidate points (unit-cube coordinates, see <see cref="DesignRegion"/>).</param>
    /// <param name="scores">One score per candidate; larger is more worth evaluating.</param>
    /// <param name="budget">Most points to choose (≤ 0 chooses none).</param>
    /// <param name="exclusionRadius">Minimum unit-cube distance to evaluated and chosen points (≥ 0).</param>
    /// <param name="evaluated">Points already evaluated.</param>
    public static IReadOnlyList<int> Select(IReadOnlyList<double[]> candidates, IReadOnlyList<double> scores, int budget, double exclusionRadius, IReadOnlyList<double[]> evaluated)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(evaluated);
        if (scores.Count != candidates.Count)
            throw new ArgumentException($"Expected one score per candidate ({candidates.Count}), got {scores.Count}.", nameof(scores));
        if (!(exclusionRadius >= 0)) throw new ArgumentOutOfRangeException(nameof(exclusionRadius), exclusionRadius, "The exclusion radius must be ≥ 0.");
        var chosen = new List<int>();
        if (budget <= 0) return chosen;
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores[i]).ThenBy(i => i);
        foreach (int i in order)
        {
            if (chosen.Count >= budget) break;
            if (TooClose(candidates[i], evaluated, exclusionRadius) || chosen.Any(c => SpaceFillingDesign.Distance(candidates[c], candidates[i]) < exclusionRadius)) continue;
            chosen.Add(i);
        }
        return chosen;
    }

    private static bool TooClose(double[] point, IReadOnlyList<double[]> others, double radius)
    {
        foreach (var other in others)
            if (SpaceFillingDesign.Distance(point, other) < radius) return true;
        return false;
    }
}
