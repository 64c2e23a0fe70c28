using System.Globalization;
using System.Text;
using SplitGym.Llm.IO;

namespace SplitGym.Agents.ModelBased;

/// <summary>
/// Every real evaluation a model-based agent made, in order, with its inputs, result, reason and cost:
/// the agent's whole claim on the real LLM. Written as CSV (<see cref="Header"/>) so a person can
/// check the count and the points; read back by <see cref="Read"/>.
/// </summary>
public sealed class EvaluationLedger
{
    /// <summary>The CSV header line.</summary>
    public const string Header = "index,round,source,split,sigma,shape,perplexity,seconds";

    private readonly List<EvaluationRecord> _records = [];

    /// <summary>The evaluations so far, in order.</summary>
    public IReadOnlyList<EvaluationRecord> Records => _records;

    /// <summary>Number of real evaluations logged.</summary>
    public int Count => _records.Count;

    /// <summary>Appends an evaluation and returns its record.</summary>
    public EvaluationRecord Add(int round, AcquisitionSource source, int split, double sigma, double shape, double perplexity, double seconds)
    {
        if (!(perplexity > 0) || !double.IsFinite(perplexity))
            throw new ArgumentOutOfRangeException(nameof(perplexity), perplexity, $"A measured perplexity must be finite and > 0 (split {split}, σ={sigma}, m={shape}).");
        var record = new EvaluationRecord(_records.Count, round, source, split, sigma, shape, perplexity, seconds);
        _records.Add(record);
        return record;
    }

    /// <summary>Replaces every record with those of <paramref name="other"/> (restoring a saved ledger in place).</summary>
    public void ReplaceWith(EvaluationLedger other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _records.Clear();
        _records.AddRange(other._records);
    }

    /// <summary>Writes the ledger to <paramref name="path"/> as CSV (atomically replaced).</summary>
    public void Write(string path)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in _records)
            text.Append(CultureInfo.InvariantCulture, $"{r.Index},{r.Round},{r.Source},{r.Split},{r.Sigma:R},{r.Shape:R},{r.Perplexity:R},{r.Seconds:R}\n");
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a ledger written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a ledger; the message names the line and the bad value.</exception>
    public static EvaluationLedger Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
            throw new InvalidDataException($"'{path}' is not an evaluation ledger: expected the header '{Header}', got '{(lines.Length == 0 ? "" : lines[0])}'.");
        var ledger = new EvaluationLedger();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var fields = lines[n].Split(',');
            if (fields.Length != 8)
                throw new InvalidDataException($"'{path}' line {n + 1}: expected 8 comma-separated fields ({Header}), got {fields.Length}.");
            int index = Parse(fields[0], int.Parse, path, n, "index");
            if (index != ledger.Count)
                throw new InvalidDataException($"'{path}' line {n + 1}: index {index} out of order; expected {ledger.Count}.");
            if (!Enum.TryParse<AcquisitionSource>(fields[2], out var source) || !Enum.IsDefined(source))
                throw new InvalidDataException($"'{path}' line {n + 1}: source '{fields[2]}' is unknown; expected one of {string.Join(", ", Enum.GetNames<AcquisitionSource>())}.");
            try
            {
                ledger.Add(Parse(fields[1], int.Parse, path, n, "round"), source, Parse(fields[3], int.Parse, path, n, "split"),
                    Parse(fields[4], double.Parse, path, n, "sigma"), Parse(fields[5], double.Parse, path, n, "shape"),
                    Parse(fields[6], double.Parse, path, n, "perplexity"), Parse(fields[7], double.Parse, path, n, "seconds"));
            }
            catch (ArgumentOutOfRangeException error)
            {
                throw new InvalidDataException($"'{path}' line {n + 1}: {error.Message}", error);
            }
        }
        return ledger;
    }

    private static T Parse<T>(string text, Func<string, IFormatProvider, T> parse, string path, int line, string field)
    {
        try
        {
            return parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            throw new InvalidDataException($"'{path}' line {line + 1}: {field} '{text}' is not a valid {typeof(T).Name}.", error);
        }
    }
}
