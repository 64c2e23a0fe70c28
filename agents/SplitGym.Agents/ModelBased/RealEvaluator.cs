using System.Diagnostics;
using SplitGym.Core;
using SplitGym.Envs.Backends;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// The only door from a model-based agent to the real LLM (or its calibrated table): every evaluation
/// goes through <see cref="Spend"/>, which refuses to exceed <see cref="Budget"/>, checks that the
/// backend counted exactly one live (or live-equivalent) evaluation, and logs it in the ledger.
/// </summary>
/// <param name="backend">The real env's backend (live or table).</param>
/// <param name="ledger">Where every evaluation is logged.</param>
/// <param name="rng">The generator of the channel draws of <see cref="Measure"/>.</param>
public sealed class RealEvaluator(IRewardBackend backend, EvaluationLedger ledger, Rng rng)
{
    private readonly double[] _expected = new double[backend.NumLayers + 1];

    /// <summary>Most real evaluations the ledger may hold; <see cref="Spend"/> refuses beyond it.</summary>
    public long Budget { get; set; }

    /// <summary>Evaluations still allowed.</summary>
    public long Remaining => Math.Max(0, Budget - ledger.Count);

    /// <summary>The ledger evaluations are logged in.</summary>
    public EvaluationLedger Ledger => ledger;

    /// <summary>
    /// One real perplexity measurement at <paramref name="query"/>. The backend's expected perplexity is
    /// passed along as the backend interface requires (the table backend draws its noise around it; the
    /// live backend ignores it and runs the model); the agent never sees it.
    /// </summary>
    public EvaluationRecord Measure(ModelQuery query, int round, AcquisitionSource source) =>
        Spend(query, round, source, () =>
        {
            backend.ExpectedPerplexities(query.Channel, _expected);
            return backend.MeasurePerplexity(query.Split, query.Channel, _expected[query.Split], rng);
        });

    /// <summary>
    /// Runs <paramref name="measurement"/> (one real evaluation at <paramref name="query"/>, e.g. a real env
    /// step) and logs it; refuses when the budget is spent.
    /// </summary>
    /// <exception cref="InvalidOperationException">The budget is spent, or the backend did not count exactly one evaluation.</exception>
    public EvaluationRecord Spend(ModelQuery query, int round, AcquisitionSource source, Func<double> measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        if (Remaining <= 0)
            throw new InvalidOperationException($"The real-evaluation budget of {Budget} is spent ({ledger.Count} logged); refusing another evaluation at {query}.");
        long before = backend.LiveEvaluations;
        var clock = Stopwatch.StartNew();
        double perplexity = measurement();
        double seconds = clock.Elapsed.TotalSeconds;
        long counted = backend.LiveEvaluations - before;
        if (counted != 1)
            throw new InvalidOperationException($"Backend '{backend.Name}' counted {counted} evaluations for one measurement at {query}; expected exactly 1, so the ledger would not match its count.");
        return ledger.Add(round, source, query.Split, query.Channel.Sigma, query.Channel.Shape, perplexity, seconds);
    }
}
