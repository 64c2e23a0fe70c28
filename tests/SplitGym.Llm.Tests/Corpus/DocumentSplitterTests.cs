using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SplitGym.Llm.Corpus;

namespace SplitGym.Llm.Tests.Corpus;

public class DocumentSplitterTests
{
    private static List<CorpusDocument> Documents(int count) =>
        Enumerable.Range(0, count).Select(i => new CorpusDocument($"doc{i:D4}", $"text of document {i}")).ToList();

    [Property]
    public Property PartitionIsDisjointCompleteAndIndependentOfInputOrder() =>
        Prop.ForAll(Gen.Choose(1, 400).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (count, seed) =>
        {
            var documents = Documents(count);
            var shuffled = documents.OrderBy(_ => new Random(seed).Next()).ToList();
            var first = DocumentSplitter.Partition(documents);
            var second = DocumentSplitter.Partition(shuffled);
            var allIds = first.Values.SelectMany(d => d).Select(d => d.Id).ToList();
            return allIds.Count == count
                && allIds.Distinct().Count() == count
                && Enum.GetValues<CorpusSplit>().All(s => first[s].SequenceEqual(second[s]));
        });

    [Fact]
    public void AssignmentIsAFixedFunctionOfTheId()
    {
        // Regression values: changing the hash or the thresholds would silently move documents between splits.
        var splits = Documents(2000).GroupBy(d => DocumentSplitter.Assign(d.Id)).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(splits[CorpusSplit.Train], 1740, 1860);
        Assert.InRange(splits[CorpusSplit.Validation], 70, 130);
        Assert.InRange(splits[CorpusSplit.Test], 70, 130);
        Assert.Equal(CorpusSplit.Train, DocumentSplitter.Assign("ca01"));
    }

    [Fact]
    public void DuplicateIdsAreRejected()
    {
        var error = Assert.Throws<CorpusFormatException>(() =>
            DocumentSplitter.Partition([new("a", "x"), new("b", "y"), new("a", "z")]));
        Assert.Contains("'a' occurs twice", error.Message);
    }
}
