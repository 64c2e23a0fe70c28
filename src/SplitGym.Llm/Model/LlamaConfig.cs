using System.Text.Json;
using System.Text.Json.Serialization;
using SplitGym.Llm.IO;

namespace SplitGym.Llm.Model;

/// <summary>
/// Architecture of a LLaMA-family decoder, read from and written to a Hugging Face <c>config.json</c>
/// with the same field names, so that a Hugging Face checkpoint directory loads as is and a SplitGym
/// checkpoint loads in the Hugging Face stack. Unknown fields of a Hugging Face config are ignored;
/// features SplitGym does not implement (RoPE scaling, attention/MLP biases, activations other than
/// SiLU) are rejected with a clear error rather than silently computing something different.
/// </summary>
public sealed record LlamaConfig
{
    /// <summary>Width of the residual stream (d_model); the hidden state sent over the channel has this many values per token.</summary>
    [JsonPropertyName("hidden_size"), JsonRequired] public int HiddenSize { get; init; }

    /// <summary>Width of the SwiGLU MLP's inner layer.</summary>
    [JsonPropertyName("intermediate_size"), JsonRequired] public int IntermediateSize { get; init; }

    /// <summary>Number of decoder layers L; split points range over [0, L].</summary>
    [JsonPropertyName("num_hidden_layers"), JsonRequired] public int NumHiddenLayers { get; init; }

    /// <summary>Number of query heads.</summary>
    [JsonPropertyName("num_attention_heads"), JsonRequired] public int NumAttentionHeads { get; init; }

    /// <summary>Number of key/value heads; fewer than query heads means grouped-query attention. Defaults to the query head count.</summary>
    [JsonPropertyName("num_key_value_heads")] public int? NumKeyValueHeads { get; init; }

    /// <summary>Per-head width; defaults to hidden_size / num_attention_heads (newer Hugging Face configs may set it explicitly).</summary>
    [JsonPropertyName("head_dim")] public int? HeadDimOverride { get; init; }

    /// <summary>Epsilon added to the mean square inside RMSNorm (numerical floor, unitless).</summary>
    [JsonPropertyName("rms_norm_eps")] public double RmsNormEps { get; init; } = 1e-6;

    /// <summary>Base of the rotary position embedding's geometric frequency ladder.</summary>
    [JsonPropertyName("rope_theta")] public double RopeTheta { get; init; } = 10000.0;

    /// <summary>Number of token ids the embedding and the LM head cover.</summary>
    [JsonPropertyName("vocab_size"), JsonRequired] public int VocabSize { get; init; }

    /// <summary>True when the LM head reuses the token embedding matrix (no separate <c>lm_head.weight</c>).</summary>
    [JsonPropertyName("tie_word_embeddings")] public bool TieWordEmbeddings { get; init; }

    /// <summary>Longest sequence (tokens) the rotary tables are built for; longer inputs are rejected.</summary>
    [JsonPropertyName("max_position_embeddings")] public int MaxPositionEmbeddings { get; init; } = 2048;

    /// <summary>Standard deviation of the normal initialisation of linear and embedding weights.</summary>
    [JsonPropertyName("initializer_range")] public double InitializerRange { get; init; } = 0.02;

    /// <summary>Beginning-of-sequence token id, if the tokenizer has one.</summary>
    [JsonPropertyName("bos_token_id")] public int? BosTokenId { get; init; }

    /// <summary>End-of-sequence token id(s), if any; Hugging Face writes a number or a list.</summary>
    [JsonPropertyName("eos_token_id"), JsonConverter(typeof(IntOrIntListConverter))]
    public IReadOnlyList<int>? EosTokenIds { get; init; }

    /// <summary>Hugging Face model family tag; always "llama" for configs SplitGym writes.</summary>
    [JsonPropertyName("model_type")] public string ModelType { get; init; } = "llama";

    /// <summary>Hugging Face architecture names, written so that the checkpoint loads there too.</summary>
    [JsonPropertyName("architectures")] public IReadOnlyList<string> Architectures { get; init; } = ["LlamaForCausalLM"];

    /// <summary>MLP activation; only "silu" (SwiGLU) is implemented.</summary>
    [JsonPropertyName("hidden_act")] public string HiddenAct { get; init; } = "silu";

    /// <summary>Must be false: biases on attention projections are not implemented.</summary>
    [JsonPropertyName("attention_bias")] public bool AttentionBias { get; init; }

    /// <summary>Must be false: biases on MLP projections are not implemented.</summary>
    [JsonPropertyName("mlp_bias")] public bool MlpBias { get; init; }

    /// <summary>Must be absent/null: RoPE scaling variants (linear, dynamic, llama3, yarn) are not implemented.</summary>
    [JsonPropertyName("rope_scaling")] public JsonElement? RopeScaling { get; init; }

    /// <summary>Storage dtype recorded by the writer ("float32", "float16", "bfloat16"); informational.</summary>
    [JsonPropertyName("torch_dtype")] public string? TorchDtype { get; init; }

    /// <summary>Effective key/value head count (grouped-query attention when smaller than <see cref="NumAttentionHeads"/>).</summary>
    [JsonIgnore] public int KeyValueHeads => NumKeyValueHeads ?? NumAttentionHeads;

    /// <summary>Effective per-head width.</summary>
    [JsonIgnore] public int HeadDim => HeadDimOverride ?? (NumAttentionHeads > 0 ? HiddenSize / NumAttentionHeads : 0);

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Parses and validates a Hugging Face <c>config.json</c> text.</summary>
    /// <exception cref="InvalidDataException">The text is not JSON, lacks a required field, has a wrongly typed field, or describes an unsupported/inconsistent architecture.</exception>
    public static LlamaConfig FromJson(string json)
    {
        LlamaConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<LlamaConfig>(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"config.json is not a valid LLaMA config: {e.Message}", e);
        }
        if (config is null) throw new InvalidDataException("config.json is not a valid LLaMA config: expected a JSON object, found null.");
        config.Validate();
        return config;
    }

    /// <summary>Reads and validates a <c>config.json</c> file (see <see cref="FromJson"/>).</summary>
    public static LlamaConfig Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"LLaMA config file '{path}' does not exist.", path);
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Serialises to Hugging Face <c>config.json</c> text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, WriteOptions);

    /// <summary>Validates and writes the config to <paramref name="path"/> atomically.</summary>
    public void Save(string path)
    {
        Validate();
        AtomicFile.WriteAllText(path, ToJson());
    }

    /// <summary>Checks that the architecture is consistent and implemented.</summary>
    /// <exception cref="InvalidDataException">Names the offending field, its value and what was expected.</exception>
    public void Validate()
    {
        RequirePositive("hidden_size", HiddenSize);
        RequirePositive("intermediate_size", IntermediateSize);
        RequirePositive("num_hidden_layers", NumHiddenLayers);
        RequirePositive("num_attention_heads", NumAttentionHeads);
        RequirePositive("num_key_value_heads", KeyValueHeads);
        RequirePositive("vocab_size", VocabSize);
        RequirePositive("max_position_embeddings", MaxPositionEmbeddings);
        if (HeadDimOverride is null && HiddenSize % NumAttentionHeads != 0)
            Fail($"hidden_size ({HiddenSize}) must be divisible by num_attention_heads ({NumAttentionHeads})");
        RequirePositive("head_dim", HeadDim);
        if (HeadDim % 2 != 0) Fail($"head_dim ({HeadDim}) must be even for rotary position embeddings");
        if (NumAttentionHeads % KeyValueHeads != 0)
            Fail($"num_attention_heads ({NumAttentionHeads}) must be a multiple of num_key_value_heads ({KeyValueHeads})");
        if (!(RmsNormEps > 0 && double.IsFinite(RmsNormEps))) Fail($"rms_norm_eps ({RmsNormEps}) must be a positive finite number");
        if (!(RopeTheta > 0 && double.IsFinite(RopeTheta))) Fail($"rope_theta ({RopeTheta}) must be a positive finite number");
        if (!(InitializerRange >= 0 && double.IsFinite(InitializerRange))) Fail($"initializer_range ({InitializerRange}) must be a non-negative finite number");
        if (HiddenAct != "silu") Fail($"hidden_act '{HiddenAct}' is not supported; expected 'silu'");
        if (AttentionBias) Fail("attention_bias = true is not supported; expected false");
        if (MlpBias) Fail("mlp_bias = true is not supported; expected false");
        if (RopeScaling is { ValueKind: not JsonValueKind.Null })
            Fail($"rope_scaling {RopeScaling.Value.GetRawText()} is not supported; expected null or absent");
        RequireTokenId("bos_token_id", BosTokenId);
        foreach (var eos in EosTokenIds ?? []) RequireTokenId("eos_token_id", eos);
    }

    private void RequireTokenId(string field, int? id)
    {
        if (id is { } value && (value < 0 || value >= VocabSize))
            Fail($"{field} ({value}) must lie in [0, vocab_size = {VocabSize})");
    }

    private static void RequirePositive(string field, int value)
    {
        if (value <= 0) Fail($"{field} ({value}) must be a positive integer");
    }

    private static void Fail(string message) => throw new InvalidDataException($"Invalid LLaMA config: {message}.");
}
