namespace SplitGym.Llm.Calibration;

/// <summary>
/// The text and windowing every perplexity in a calibration was measured with, so a measurement
/// can be reproduced and two measurements can be told apart when they are not comparable.
/// </summary>
/// <param name="SplitName">Name of the corpus split evaluated, e.g. <c>brown/test</c>.</param>
/// <param name="TextSha256">Lower-case hex SHA-256 of the UTF-8 evaluation text as read.</param>
/// <param name="Window">Tokens per forward window (the model sees at most this much context).</param>
/// <param name="Stride">Tokens the window advances by; only the last <c>Stride</c> tokens of a window are scored.</param>
/// <param name="Tokens">Tokens scored per perplexity evaluation (per Monte-Carlo repeat).</param>
public sealed record EvaluationSettings(string SplitName, string TextSha256, int Window, int Stride, int Tokens)
{
    internal void Validate()
    {
        Require.NotBlank(SplitName, "evaluation.splitName");
        Require.Sha256Hex(TextSha256, "evaluation.textSha256");
        Require.Positive(Window, "evaluation.window");
        Require.Positive(Stride, "evaluation.stride");
        Require.Positive(Tokens, "evaluation.tokens");
        if (Stride > Window)
            throw new InvalidDataException($"evaluation.stride ({Stride}) must not exceed evaluation.window ({Window}).");
    }
}
