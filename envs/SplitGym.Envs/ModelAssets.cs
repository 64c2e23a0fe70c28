using System.Collections.Concurrent;
using System.Security.Cryptography;
using SplitGym.Envs.Backends;
using SplitGym.Llm.Calibration;
using SplitGym.Llm.Cost;
using SplitGym.Llm.Model;

namespace SplitGym.Envs;

/// <summary>
/// A Hugging Face-style checkpoint folder together with its calibrated perplexity tables
/// (<c>perplexity-{variant}.json</c>): everything a table-backed environment needs. The package
/// ships one, the tiny LLaMA under <c>Assets/tiny-llama</c> (<see cref="Default"/>); a user with
/// their own checkpoint runs <c>splitgym calibrate</c> into its folder and points the env at it.
/// </summary>
public sealed class ModelAssets
{
    /// <summary>File name of the weights whose SHA-256 a table must carry.</summary>
    public const string WeightsFile = "model.safetensors";

    private static readonly ConcurrentDictionary<string, PerplexityTable> Tables = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Hashes = new();

    /// <summary>Opens the folder <paramref name="directory"/>; its <c>config.json</c> is read and validated now.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public ModelAssets(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Model folder '{directory}' does not exist; expected a folder with config.json, {WeightsFile} and perplexity-*.json tables.");
        Directory = Path.GetFullPath(directory);
        Config = LlamaConfig.Load(Path.Combine(Directory, "config.json"));
    }

    /// <summary>The tiny LLaMA shipped with SplitGym (copied next to the assembly at build time).</summary>
    public static ModelAssets Default => new(DefaultDirectory);

    /// <summary>Where the shipped assets live at run time.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Path.GetDirectoryName(typeof(ModelAssets).Assembly.Location) ?? AppContext.BaseDirectory, "Assets", "tiny-llama");

    /// <summary>Absolute path of the folder.</summary>
    public string Directory { get; }

    /// <summary>The checkpoint's configuration.</summary>
    public LlamaConfig Config { get; }

    /// <summary>Path of the table for a channel variant (<c>nakagami-awgn</c> or <c>erasure</c>).</summary>
    public string TablePath(string variant) => Path.Combine(Directory, $"perplexity-{variant}.json");

    /// <summary>
    /// The table for <paramref name="variant"/>, checked to belong to these weights (same SHA-256 and
    /// layer count). Loaded once per process and shared, since tables are immutable.
    /// </summary>
    /// <exception cref="InvalidDataException">The table was measured on a different model.</exception>
    public PerplexityTable Table(string variant, string? tablePath = null)
    {
        var path = Path.GetFullPath(tablePath ?? TablePath(variant));
        var table = Tables.GetOrAdd(path, PerplexityTable.Load);
        CheckBelongs(table, path);
        return table;
    }

    /// <summary>
    /// C_UE(p) for p = 0..L, from the config (including an explicit <c>head_dim</c>) and the table's
    /// evaluation window length; the same <see cref="DecoderDimensions.From"/> the calibration costs with.
    /// </summary>
    public double[] ComputeShares(int sequenceLength)
    {
        var load = new ComputeLoad(DecoderDimensions.From(Config, sequenceLength));
        return [.. Enumerable.Range(0, Config.NumHiddenLayers + 1).Select(load.UeShare)];
    }

    /// <summary>A table backend for <paramref name="variant"/> on these weights.</summary>
    public TableBackend TableBackend(string variant, bool deterministic = false, string? tablePath = null)
    {
        var table = Table(variant, tablePath);
        return new TableBackend(table, ComputeShares(table.Evaluation.Window), deterministic);
    }

    /// <summary>Lower-case hex SHA-256 of the weights (cached per file version).</summary>
    public string WeightsSha256()
    {
        var file = new FileInfo(Path.Combine(Directory, WeightsFile));
        if (!file.Exists) throw new FileNotFoundException($"Model folder '{Directory}' has no {WeightsFile}.", file.FullName);
        return Hashes.GetOrAdd((file.FullName, file.Length, file.LastWriteTimeUtc), key =>
        {
            using var stream = File.OpenRead(key.Path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }

    private void CheckBelongs(PerplexityTable table, string path)
    {
        if (table.Model.NumLayers != Config.NumHiddenLayers)
            throw new InvalidDataException($"Table '{path}' was measured on a {table.Model.NumLayers}-layer model, but '{Directory}' has {Config.NumHiddenLayers} layers; recalibrate with `splitgym calibrate`.");
        string actual = WeightsSha256();
        if (!string.Equals(table.Model.Sha256, actual, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"Table '{path}' was measured on weights with SHA-256 {table.Model.Sha256}, but '{Directory}/{WeightsFile}' has {actual}: the table belongs to a different model; recalibrate with `splitgym calibrate`.");
    }
}
