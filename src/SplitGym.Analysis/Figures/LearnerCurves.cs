
namespace SplitGym.Analysis.Figures;

/// <summary>
/// One learner's training curves, one per seed, drawn as the mean over seeds with a ±1 std band.
/// </summary>
public sealed record LearnerCurves
{
    /// <summary>Creates the series; the name must not be blank and there must be at least one seed.</summary>
    /// <param name="name">Legend name (e.g. the agent name <c>ppo</c>, or <c>K = 2</c>).</param>
    /// <param name="seeds">One training curve per seed.</param>
    public LearnerCurves(string name, IReadOnlyList<TrainingCurve> seeds)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A learner's curves need a legend name; got a blank one.", nameof(name));
        if (seeds.Count == 0) throw new ArgumentException($"Learner '{name}' has no seed curves; expected at least one.", nameof(seeds));
        Name = name;
        Seeds = seeds;
    }

    /// <summary>Legend name.</summary>
    public string Name { get; }

    /// <summary>One training curve per seed.</summary>
    public IReadOnlyList<TrainingCurve> Seeds { get; }
}
