using System.Text.Json.Serialization;

using SplitGym.Llm.Perplexity;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// One measured cell: the perplexity of the split model at one (split, intensity, shape), over
/// independent channel draws. The per-draw values are kept so a consumer can resample them (a table
/// backend that returns noisy rewards) and so the summary can be checked against them.
/// </summary>
/// <param name="Split">Split point <c>p</c> (decoder layers on the UE).</param>
/// <param name="Intensity">Noise σ, or erasure probability q.</param>
/// <param name="Shape">Nakagami m, or the placeholder 0 for erasure.</param>
/// <param name="Mean">Mean perplexity over the draws (dimensionless, ≥ 1).</param>
/// <param name="StandardError">Standard error of <paramref name="Mean"/>: sample standard deviation / √repeats.</param>
/// <param name="Repeats">Number of channel draws.</param>
/// <param name="Tokens">Tokens scored per draw.</param>
/// <param name="Values">Perplexity of each draw, in draw order.</param>
public sealed record PerplexityCell(
    int Split,
    double Intensity,
    double Shape,
    double Mean,
    double StandardError,
    int Repeats,
    int Tokens,
    IReadOnlyList<double> Values)
{
    /// <summary>Relative tolerance when checking a stored mean or standard error against the stored draws.</summary>
    private const double SummaryTolerance = 1e-9;

    /// <summary>Summarises the draws of a cell into mean and standard error.</summary>
    /// <exception cref="ArgumentException">Fewer than two draws (a spread cannot be estimated from one).</exception>
    public static PerplexityCell FromDraws(int split, double intensity, double shape, int tokens, IReadOnlyList<double> values)
    {
        if (values.Count < 2)
            throw new ArgumentException($"A cell needs at least 2 draws to estimate its standard error, got {values.Count}.", nameof(values));
        var (mean, standardError) = Summarise(values);
        return new PerplexityCell(split, intensity, shape, mean, standardError, values.Count, tokens, [.. values]);
    }

    /// <summary>Standard error as a fraction of the mean.</summary>
    [JsonIgnore]
    public double RelativeStandardError => StandardError / Mean;

    /// <summary>Sample mean and standard error of the mean of <paramref name="values"/> (at least two).</summary>
    public static (double Mean, double StandardError) Summarise(IReadOnlyList<double> values)
    {
        var summary = PerplexityResult.FromRepeats(values, 0);
        return (summary.Mean, summary.StandardError);
    }

    internal void Validate(string field, int expectedTokens)
    {
        if (Values.Count != Repeats)
            throw new InvalidDataException($"{field}: repeats is {Repeats} but {Values.Count} values are stored.");
        if (Repeats < 2)
            throw new InvalidDataException($"{field}: repeats must be at least 2, got {Repeats}.");
        if (Tokens != expectedTokens)
            throw new InvalidDataException($"{field}: tokens is {Tokens} but evaluation.tokens is {expectedTokens}.");
        for (int i = 0; i < Values.Count; i++)
            RequirePerplexity(Values[i], $"{field}.values[{i}]");
        RequirePerplexity(Mean, $"{field}.mean");
        Require.FiniteNonNegative(StandardError, $"{field}.standardError");
        RequireSummaryMatchesValues(field);
    }

    internal static void RequirePerplexity(double value, string field)
    {
        if (!double.IsFinite(value) || value < 1)
            throw new InvalidDataException($"{field} must be a finite perplexity ≥ 1, got {value}.");
    }

    private void RequireSummaryMatchesValues(string field)
    {
        var (mean, standardError) = Summarise(Values);
        if (!Close(mean, Mean) || !Close(standardError, StandardError))
            throw new InvalidDataException(
                $"{field}: stored mean {Mean} / standard error {StandardError} do not match the stored values (mean {mean}, standard error {standardError}).");
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= SummaryTolerance * Math.Max(1, Math.Abs(b));
}
