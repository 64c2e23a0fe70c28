using System.Text.Json;
using SplitGym.Llm.Checkpoints;
using SplitGym.Llm.IO;
using SplitGym.Llm.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SplitGym.Llm.Training;

/// <summary>
/// The resumable state of a training run in <c>RUN/checkpoint/</c>: float32 weights
/// (<c>config.json</c> + <c>model.safetensors</c>, loadable on its own), AdamW moments
/// (<c>optimizer.bin</c>) and <c>trainer.json</c> (<see cref="TrainerState"/>).
/// </summary>
/// <remarks>
/// Atomic as a whole: the new checkpoint is written to a staging folder, the old one is renamed to
/// <c>checkpoint.old</c>, the staging folder renamed to <c>checkpoint</c>, and the old one deleted.
/// A kill at any moment leaves either <c>checkpoint</c> or <c>checkpoint.old</c> complete, and loading
/// prefers the former.
/// </remarks>
public static class TrainingCheckpoint
{
    /// <summary>Name of the checkpoint folder inside the run folder.</summary>
    public const string FolderName = "checkpoint";

    private const string OptimizerFile = "optimizer.bin";
    private const string StateFile = "trainer.json";

    /// <summary>Writes the checkpoint of <paramref name="model"/>, <paramref name="optimizer"/> and <paramref name="state"/> under <paramref name="runFolder"/>.</summary>
    public static void Save(string runFolder, LlamaForCausalLM model, AdamW optimizer, TrainerState state)
    {
        var target = Path.Combine(runFolder, FolderName);
        foreach (var stale in Directory.EnumerateDirectories(runFolder, FolderName + ".new-*")) Directory.Delete(stale, recursive: true);
        var staging = target + ".new-" + Guid.NewGuid().ToString("N");
        Checkpoint.Save(model, staging, ScalarType.Float32);
        AtomicFile.Write(Path.Combine(staging, OptimizerFile), stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            optimizer.save_state_dict(writer);
        });
        AtomicFile.WriteAllText(Path.Combine(staging, StateFile), JsonSerializer.Serialize(state, new JsonSerializerOptions { WriteIndented = true }));
        var old = target + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(staging, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>
    /// Restores weights and optimizer moments from the run's checkpoint, if there is one, and returns its state;
    /// null when the run folder has no checkpoint.
    /// </summary>
    /// <exception cref="InvalidDataException">The checkpoint is damaged or was made with a different fingerprint.</exception>
    public static TrainerState? TryLoad(string runFolder, LlamaForCausalLM model, AdamW optimizer, string expectedFingerprint)
    {
        var folder = new[] { FolderName, FolderName + ".old" }.Select(name => Path.Combine(runFolder, name)).FirstOrDefault(Directory.Exists);
        if (folder is null) return null;
        var state = ReadState(folder);
        if (state.Fingerprint != expectedFingerprint)
            throw new InvalidDataException(
                $"The checkpoint in '{folder}' was made by a run with different options or model ({state.Fingerprint}); expected ({expectedFingerprint}). Resume with the same options or use a new output folder.");
        Checkpoint.LoadWeights(model, folder);
        using (var reader = new BinaryReader(File.OpenRead(Path.Combine(folder, OptimizerFile))))
            optimizer.load_state_dict(reader);
        return state;
    }

    private static TrainerState ReadState(string folder)
    {
        var path = Path.Combine(folder, StateFile);
        try
        {
            return JsonSerializer.Deserialize<TrainerState>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"'{path}' holds null; expected the trainer state object.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' is not a valid trainer state: {error.Message}", error);
        }
    }
}
