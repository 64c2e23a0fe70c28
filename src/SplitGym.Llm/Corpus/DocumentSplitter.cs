using System.Text;

namespace SplitGym.Llm.Corpus;

/// <summary>
/// Assigns whole documents to train / validation / test by a stable hash of the document id, so the
/// assignment is the same on every machine and run, does not depend on the order documents are
/// read in, and never puts one document into two splits.
/// </summary>
/// <remarks>
/// Bucket = FNV-1a 64-bit hash of the id's UTF-8 bytes, modulo 1000. Buckets
/// [0, 900) → train (90 %), [900, 950) → validation (5 %), [950, 1000) → test (5 %).
/// The proportions hold in expectation; the exact counts for a given corpus are recorded in its
/// <c>corpus.json</c>.
/// </remarks>
public static class DocumentSplitter
{
    /// <summary>Share of the hash range (per mille) assigned to <see cref="CorpusSplit.Train"/>.</summary>
    public const int TrainPerMille = 900;

    /// <summary>Share of the hash range (per mille) assigned to <see cref="CorpusSplit.Validation"/>; the rest is test.</summary>
    public const int ValidationPerMille = 50;

    /// <summary>The split a document with this id belongs to.</summary>
    public static CorpusSplit Assign(string documentId)
    {
        var bucket = (int)(Fnv1a64(documentId) % 1000);
        if (bucket < TrainPerMille) return CorpusSplit.Train;
        return bucket < TrainPerMille + ValidationPerMille ? CorpusSplit.Validation : CorpusSplit.Test;
    }

    /// <summary>
    /// Partitions documents into the three splits, each sorted by id (ordinal) so the written text is
    /// independent of input order.
    /// </summary>
    /// <exception cref="CorpusFormatException">Two documents share an id.</exception>
    public static IReadOnlyDictionary<CorpusSplit, IReadOnlyList<CorpusDocument>> Partition(IEnumerable<CorpusDocument> documents)
    {
        var sorted = documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var duplicate = sorted.Zip(sorted.Skip(1)).FirstOrDefault(pair => pair.First.Id == pair.Second.Id);
        if (duplicate.First is not null)
            throw new CorpusFormatException($"Document id '{duplicate.First.Id}' occurs twice; expected unique document ids.");
        return Enum.GetValues<CorpusSplit>().ToDictionary(
            split => split,
            split => (IReadOnlyList<CorpusDocument>)sorted.Where(d => Assign(d.Id) == split).ToList());
    }

    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
