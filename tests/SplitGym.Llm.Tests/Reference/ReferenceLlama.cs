namespace SplitGym.Llm.Tests.Reference;

/// <summary>
/// Straightforward LLaMA forward pass over plain arrays in double precision, written from the
/// architecture's definition (pre-norm decoder, RMSNorm, half-split rotary positions, grouped-query
/// causal attention, SwiGLU) with no TorchSharp, to check the library's logits against.
/// </summary>
public sealed class ReferenceLlama(TinyLlamaSpec spec, IReadOnlyDictionary<string, (int[] Shape, float[] Data)> weights)
{
    /// <summary>Logits [tokens][vocab] for one sequence.</summary>
    public double[][] Forward(int[] ids)
    {
        var x = ids.Select(id => Row("model.embed_tokens.weight", id, spec.Hidden)).ToArray();
        for (var layer = 0; layer < spec.Layers; layer++) x = DecoderLayer(x, $"model.layers.{layer}.");
        var head = spec.Tied ? "model.embed_tokens.weight" : "lm_head.weight";
        return x.Select(h => MatVec(head, RmsNorm(h, "model.norm.weight"), spec.Vocab, spec.Hidden)).ToArray();
    }

    /// <summary>Residual stream after layers [0, split) for one sequence.</summary>
    public double[][] HiddenAfter(int[] ids, int split)
    {
        var x = ids.Select(id => Row("model.embed_tokens.weight", id, spec.Hidden)).ToArray();
        for (var layer = 0; layer < split; layer++) x = DecoderLayer(x, $"model.layers.{layer}.");
        return x;
    }

    private double[][] DecoderLayer(double[][] x, string prefix)
    {
        var normed = x.Select(h => RmsNorm(h, prefix + "input_layernorm.weight")).ToArray();
        var attention = Attention(normed, prefix + "self_attn.");
        var afterAttention = x.Select((h, t) => Add(h, attention[t])).ToArray();
        return afterAttention.Select(h => Add(h, Mlp(RmsNorm(h, prefix + "post_attention_layernorm.weight"), prefix + "mlp."))).ToArray();
    }

    private double[][] Attention(double[][] x, string prefix)
    {
        var (heads, kvHeads, d) = (spec.Heads, spec.KvHeads, spec.HeadDim);
        var q = x.Select((h, t) => Rope(MatVec(prefix + "q_proj.weight", h, heads * d, spec.Hidden), t, heads)).ToArray();
        var k = x.Select((h, t) => Rope(MatVec(prefix + "k_proj.weight", h, kvHeads * d, spec.Hidden), t, kvHeads)).ToArray();
        var v = x.Select(h => MatVec(prefix + "v_proj.weight", h, kvHeads * d, spec.Hidden)).ToArray();
        var output = new double[x.Length][];
        for (var t = 0; t < x.Length; t++)
        {
            output[t] = new double[heads * d];
            for (var head = 0; head < heads; head++)
            {
                var kvHead = head / (heads / kvHeads);
                var scores = new double[t + 1];
                for (var s = 0; s <= t; s++)
                {
                    double dot = 0;
                    for (var i = 0; i < d; i++) dot += q[t][head * d + i] * k[s][kvHead * d + i];
                    scores[s] = dot / Math.Sqrt(d);
                }
                var max = scores.Max();
                var exps = scores.Select(score => Math.Exp(score - max)).ToArray();
                var sum = exps.Sum();
                for (var s = 0; s <= t; s++)
                    for (var i = 0; i < d; i++) output[t][head * d + i] += exps[s] / sum * v[s][kvHead * d + i];
            }
        }
        return output.Select(o => MatVec(prefix + "o_proj.weight", o, spec.Hidden, heads * d)).ToArray();
    }

    private double[] Rope(double[] vector, int position, int heads)
    {
        var d = spec.HeadDim;
        var result = (double[])vector.Clone();
        for (var head = 0; head < heads; head++)
            for (var i = 0; i < d / 2; i++)
            {
                var angle = position * Math.Pow(spec.RopeTheta, -2.0 * i / d);
                var (a, b) = (vector[head * d + i], vector[head * d + i + d / 2]);
                result[head * d + i] = a * Math.Cos(angle) - b * Math.Sin(angle);
                result[head * d + i + d / 2] = b * Math.Cos(angle) + a * Math.Sin(angle);
            }
        return result;
    }

    private double[] Mlp(double[] h, string prefix)
    {
        var gate = MatVec(prefix + "gate_proj.weight", h, spec.Intermediate, spec.Hidden);
        var up = MatVec(prefix + "up_proj.weight", h, spec.Intermediate, spec.Hidden);
        var inner = gate.Select((g, i) => g / (1 + Math.Exp(-g)) * up[i]).ToArray();
        return MatVec(prefix + "down_proj.weight", inner, spec.Hidden, spec.Intermediate);
    }

    private double[] RmsNorm(double[] h, string weight)
    {
        var scale = 1 / Math.Sqrt(h.Select(value => value * value).Average() + spec.Eps);
        return h.Select((value, i) => value * scale * weights[weight].Data[i]).ToArray();
    }

    private double[] MatVec(string name, double[] input, int rows, int columns)
    {
        var w = weights[name].Data;
        var output = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            double sum = 0;
            for (var c = 0; c < columns; c++) sum += w[r * columns + c] * input[c];
            output[r] = sum;
        }
        return output;
    }

    private double[] Row(string name, int row, int width) =>
        weights[name].Data.Skip(row * width).Take(width).Select(value => (double)value).ToArray();

    private static double[] Add(double[] a, double[] b) => a.Select((value, i) => value + b[i]).ToArray();
}
