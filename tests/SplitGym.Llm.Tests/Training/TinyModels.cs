using SplitGym.Llm.Model;

namespace SplitGym.Llm.Tests.Training;

/// <summary>Small architectures and texts that train in a second on a CPU.</summary>
public static class TinyModels
{
    public static LlamaConfig Config { get; } = new()
    {
        HiddenSize = 32,
        IntermediateSize = 64,
        NumHiddenLayers = 2,
        NumAttentionHeads = 2,
        NumKeyValueHeads = 1,
        VocabSize = 256,
        MaxPositionEmbeddings = 64,
        TieWordEmbeddings = true,
    };

    /// <summary>A repetitive English-like text a tiny model can learn quickly.</summary>
    public static byte[] Text(int sentences, int seed = 0)
    {
        var random = new Random(seed);
        string[] subjects = ["the cat", "a dog", "my friend", "the old man", "her sister"];
        string[] verbs = ["sees", "likes", "finds", "calls", "helps"];
        string[] objects = ["the ball.", "a red house.", "the garden.", "his book.", "the river."];
        var text = string.Join(" ", Enumerable.Range(0, sentences).Select(_ =>
            $"{subjects[random.Next(subjects.Length)]} {verbs[random.Next(verbs.Length)]} {objects[random.Next(objects.Length)]}"));
        return System.Text.Encoding.UTF8.GetBytes(text);
    }
}
