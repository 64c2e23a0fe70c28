using SplitGym.Llm.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Llm.Checkpoints;

/// <summary>
/// Loads and saves LLaMA checkpoints in the Hugging Face directory layout: <c>config.json</c> plus
/// <c>model.safetensors</c> (or sharded <c>model.safetensors.index.json</c> + shards on load).
/// Loading is strict: every model parameter must be present with the right shape and every stored
/// tensor must belong to the model (in a sharded checkpoint, also every tensor a shard holds must be
/// listed for that shard in the weight_map), except keys Hugging Face itself tolerates (the rotary
/// <c>inv_freq</c> buffers of older exports and <c>lm_head.weight</c> when embeddings are tied).
/// F32, F16 and BF16 storage is converted to the run dtype.
/// </summary>
public static class Checkpoint
{
    /// <summary>File name of the architecture description.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>Loads config and weights from <paramref name="directory"/>.</summary>
    /// <param name="directory">Hugging Face style checkpoint directory.</param>
    /// <param name="dtype">Run dtype of the returned model; null keeps Float32.</param>
    /// <param name="device">Device of the returned model; null picks <see cref="ComputeDevice.Preferred"/> (CUDA when available, else the CPU).</param>
    /// <exception cref="FileNotFoundException">config.json, the weights or a shard is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed or the weights do not match the config.</exception>
    public static LlamaForCausalLM Load(string directory, ScalarType? dtype = null, Device? device = null)
    {
        var config = LlamaConfig.Load(Path.Combine(directory, ConfigFileName));
        var model = new LlamaForCausalLM(config);
        try
        {
            LoadWeights(model, directory);
            if (dtype is { } type && type != ScalarType.Float32) model.to(type);
            var target = device ?? ComputeDevice.Preferred();
            if (target.type != DeviceType.CPU) model.to(target);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Copies the weights stored in <paramref name="directory"/> into <paramref name="model"/> (converted to each parameter's dtype).</summary>
    public static void LoadWeights(LlamaForCausalLM model, string directory)
    {
        using var tensors = CheckpointTensors.Open(directory);
        var state = model.state_dict();
        RequireMatchingKeys(state.Keys, tensors, model.Config, directory);
        using var noGrad = no_grad();
        foreach (var (name, target) in state)
        {
            var storedShape = tensors.ShapeOf(name);
            if (!storedShape.SequenceEqual(target.shape))
                throw new InvalidDataException($"Checkpoint '{directory}': tensor '{name}' has shape [{string.Join(", ", storedShape)}], but the config requires [{string.Join(", ", target.shape)}].");
            using var stored = tensors.Read(name);
            target.copy_(stored);
        }
    }

    /// <summary>Writes <c>config.json</c> and <c>model.safetensors</c> of <paramref name="model"/> into <paramref name="directory"/> (created if needed), each file atomically.</summary>
    /// <param name="model">The model to save.</param>
    /// <param name="directory">Destination checkpoint directory.</param>
    /// <param name="storageType">Float32 (bit-exact), Float16 or BFloat16.</param>
    public static void Save(LlamaForCausalLM model, string directory, ScalarType storageType = ScalarType.Float32)
    {
        Directory.CreateDirectory(directory);
        var tensors = model.state_dict().Select(pair => (pair.Key, pair.Value)).ToList();
        SafetensorsWriter.Write(Path.Combine(directory, CheckpointTensors.SingleFileName), tensors, storageType, new Dictionary<string, string> { ["format"] = "pt" });
        (model.Config with { TorchDtype = TorchDtypeName(storageType) }).Save(Path.Combine(directory, ConfigFileName));
    }

    private static void RequireMatchingKeys(IEnumerable<string> modelKeys, CheckpointTensors tensors, LlamaConfig config, string directory)
    {
        var expected = modelKeys.ToHashSet(StringComparer.Ordinal);
        var stored = tensors.Names.Where(key => !IsTolerated(key, config)).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Except(stored).Order(StringComparer.Ordinal).ToList();
        var unlisted = tensors.Unlisted.Where(tensor => !IsTolerated(tensor.Name, config))
            .Select(tensor => $"{tensor.Name} (in shard '{tensor.Shard}', which the weight_map does not list for it)");
        var unexpected = stored.Except(expected).Concat(unlisted).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && unexpected.Count == 0) return;
        throw new InvalidDataException(
            $"Checkpoint '{directory}' does not match its config: missing keys [{string.Join(", ", missing)}]; unexpected keys [{string.Join(", ", unexpected)}].");
    }

    private static bool IsTolerated(string key, LlamaConfig config) =>
        key.EndsWith(".rotary_emb.inv_freq", StringComparison.Ordinal) || (config.TieWordEmbeddings && key == "lm_head.weight");

    private static string TorchDtypeName(ScalarType type) => type switch
    {
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        _ => "float32",
    };
}
