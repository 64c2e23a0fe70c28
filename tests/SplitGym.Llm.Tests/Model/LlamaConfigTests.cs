using SplitGym.Llm.Model;
using SplitGym.Llm.Tests.Reference;

namespace SplitGym.Llm.Tests.Model;

public class LlamaConfigTests
{
    private static readonly LlamaConfig Tiny = new()
    {
        HiddenSize = 16, IntermediateSize = 24, NumHiddenLayers = 2, NumAttentionHeads = 4, NumKeyValueHeads = 2, VocabSize = 256,
    };

    [Fact]
    public void ReadsHuggingFaceFieldNamesAndDefaults()
    {
        var config = LlamaConfig.FromJson(new TinyLlamaSpec(KvHeads: 2, Tied: true, RopeTheta: 500000).ConfigJson());
        Assert.Equal((16, 24, 2, 4, 2, 37), (config.HiddenSize, config.IntermediateSize, config.NumHiddenLayers, config.NumAttentionHeads, config.KeyValueHeads, config.VocabSize));
        Assert.Equal((1e-5, 500000.0, true, 64, 4), (config.RmsNormEps, config.RopeTheta, config.TieWordEmbeddings, config.MaxPositionEmbeddings, config.HeadDim));
        Assert.Equal(1, config.BosTokenId);
        Assert.Equal([2], config.EosTokenIds!);
    }

    [Fact]
    public void MissingOptionalFieldsTakeHuggingFaceDefaults()
    {
        var config = LlamaConfig.FromJson("""{"hidden_size":8,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10}""");
        Assert.Equal((2, 1e-6, 10000.0, false, 2048), (config.KeyValueHeads, config.RmsNormEps, config.RopeTheta, config.TieWordEmbeddings, config.MaxPositionEmbeddings));
    }

    [Fact]
    public void AcceptsEosAsList()
    {
        var config = LlamaConfig.FromJson("""{"hidden_size":8,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10,"eos_token_id":[3,4]}""");
        Assert.Equal([3, 4], config.EosTokenIds!);
        Assert.Contains("\"eos_token_id\": [", config.ToJson());
    }

    [Fact]
    public void SaveLoadRoundTrips()
    {
        using var directory = new TempDirectory();
        var path = directory.File("config.json");
        var config = Tiny with { BosTokenId = 0, EosTokenIds = [1], TieWordEmbeddings = true };
        config.Save(path);
        var loaded = LlamaConfig.Load(path);
        Assert.Equal(config.ToJson(), loaded.ToJson());
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Theory]
    [InlineData("{not json", "not a valid LLaMA config")]
    [InlineData("null", "expected a JSON object")]
    [InlineData("""{"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10}""", "hidden_size")]
    [InlineData("""{"hidden_size":"eight","intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10}""", "hidden_size")]
    [InlineData("""{"hidden_size":9,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10}""", "hidden_size (9) must be divisible by num_attention_heads (2)")]
    [InlineData("""{"hidden_size":8,"intermediate_size":16,"num_hidden_layers":0,"num_attention_heads":2,"vocab_size":10}""", "num_hidden_layers (0)")]
    [InlineData("""{"hidden_size":12,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":3,"num_key_value_heads":2,"vocab_size":10}""", "multiple of num_key_value_heads (2)")]
    [InlineData("""{"hidden_size":8,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10,"rms_norm_eps":-1}""", "rms_norm_eps (-1)")]
    [InlineData("""{"hidden_size":8,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10,"hidden_act":"gelu"}""", "hidden_act 'gelu'")]
    [InlineData("""{"hidden_size":8,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10,"rope_scaling":{"type":"linear","factor":2}}""", "rope_scaling")]
    [InlineData("""{"hidden_size":8,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10,"eos_token_id":10}""", "eos_token_id (10)")]
    [InlineData("""{"hidden_size":8,"intermediate_size":16,"num_hidden_layers":1,"num_attention_heads":2,"vocab_size":10,"eos_token_id":"x"}""", "token id")]
    public void MalformedConfigFailsNamingTheProblem(string json, string expectedFragment)
    {
        var error = Assert.Throws<InvalidDataException>(() => LlamaConfig.FromJson(json));
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void LoadNamesTheFile()
    {
        using var directory = new TempDirectory();
        var path = directory.File("config.json");
        File.WriteAllText(path, "[]");
        var error = Assert.Throws<InvalidDataException>(() => LlamaConfig.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Throws<FileNotFoundException>(() => LlamaConfig.Load(directory.File("absent.json")));
    }
}
