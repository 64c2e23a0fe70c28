using System.Globalization;

namespace SplitGym.Llm.Tests.Reference;

/// <summary>Architecture of a tiny test LLaMA, written as a Hugging Face config.json by hand (independently of LlamaConfig).</summary>
public sealed record TinyLlamaSpec(
    int Hidden = 16, int Intermediate = 24, int Layers = 2, int Heads = 4, int KvHeads = 4,
    int Vocab = 37, bool Tied = false, double RopeTheta = 10000, double Eps = 1e-5, int MaxPositions = 64)
{
    public int HeadDim => Hidden / Heads;

    public string ConfigJson() => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "architectures": ["LlamaForCausalLM"],
          "model_type": "llama",
          "hidden_size": {{Hidden}},
          "intermediate_size": {{Intermediate}},
          "num_hidden_layers": {{Layers}},
          "num_attention_heads": {{Heads}},
          "num_key_value_heads": {{KvHeads}},
          "rms_norm_eps": {{Eps:R}},
          "rope_theta": {{RopeTheta:R}},
          "vocab_size": {{Vocab}},
          "max_position_embeddings": {{MaxPositions}},
          "tie_word_embeddings": {{(Tied ? "true" : "false")}},
          "hidden_act": "silu",
          "torch_dtype": "float32",
          "bos_token_id": 1,
          "eos_token_id": 2,
          "rope_scaling": null
        }
        """);

    /// <summary>Every Hugging Face key with its shape, in a fixed order.</summary>
    public IEnumerable<(string Name, int[] Shape)> Keys()
    {
        yield return ("model.embed_tokens.weight", [Vocab, Hidden]);
        for (var i = 0; i < Layers; i++)
        {
            var p = $"model.layers.{i}.";
            yield return (p + "self_attn.q_proj.weight", [Heads * HeadDim, Hidden]);
            yield return (p + "self_attn.k_proj.weight", [KvHeads * HeadDim, Hidden]);
            yield return (p + "self_attn.v_proj.weight", [KvHeads * HeadDim, Hidden]);
            yield return (p + "self_attn.o_proj.weight", [Hidden, Heads * HeadDim]);
            yield return (p + "mlp.gate_proj.weight", [Intermediate, Hidden]);
            yield return (p + "mlp.up_proj.weight", [Intermediate, Hidden]);
            yield return (p + "mlp.down_proj.weight", [Hidden, Intermediate]);
            yield return (p + "input_layernorm.weight", [Hidden]);
            yield return (p + "post_attention_layernorm.weight", [Hidden]);
        }
        yield return ("model.norm.weight", [Hidden]);
        if (!Tied) yield return ("lm_head.weight", [Vocab, Hidden]);
    }

    /// <summary>Random weights from System.Random: norms near 1, matrices with std 0.3 so the logits are far from uniform.</summary>
    public Dictionary<string, (int[] Shape, float[] Data)> RandomWeights(int seed)
    {
        var random = new Random(seed);
        var weights = new Dictionary<string, (int[] Shape, float[] Data)>();
        foreach (var (name, shape) in Keys())
        {
            var data = new float[shape.Aggregate(1, (a, b) => a * b)];
            var isNorm = name.EndsWith("norm.weight", StringComparison.Ordinal);
            for (var i = 0; i < data.Length; i++)
                data[i] = isNorm ? (float)(0.5 + random.NextDouble()) : (float)((random.NextDouble() * 2 - 1) * 0.5);
            weights[name] = (shape, data);
        }
        return weights;
    }

    /// <summary>Writes config.json and model.safetensors (stored as <paramref name="dtype"/>: F32, F16 or BF16) with plain file I/O.</summary>
    public void WriteCheckpoint(string directory, Dictionary<string, (int[] Shape, float[] Data)> weights, string dtype = "F32")
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "config.json"), ConfigJson());
        PlainSafetensors.Write(Path.Combine(directory, "model.safetensors"), weights, dtype);
    }
}
