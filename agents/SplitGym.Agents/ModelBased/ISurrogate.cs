using SplitGym.Envs.Backends;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// A reward surrogate: fitted to real perplexity evaluations, it predicts the expected log perplexity
/// of any (p, σ, m) with an uncertainty, and stands in for the LLM while the policy trains.
/// </summary>
public interface ISurrogate : IDisposable
{
    /// <summary>Short name for logs and reports (for example <c>ensemble</c>).</summary>
    string Name { get; }

    /// <summary>Refits the surrogate from scratch on <paramref name="data"/> (at least one evaluation).</summary>
    void Fit(IReadOnlyList<EvaluationRecord> data);

    /// <summary>One estimate per query, in order; throws before the first <see cref="Fit"/>.</summary>
    IReadOnlyList<PerplexityEstimate> Predict(IReadOnlyList<ModelQuery> queries);
}
