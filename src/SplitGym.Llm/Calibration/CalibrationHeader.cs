using System.Text.Json;

namespace SplitGym.Llm.Calibration;

/// <summary>
/// Everything that defines what a calibration measured: model, evaluation text and windowing,
/// channel variant, repeat policy and grid. Two measurements can be combined only when their headers
/// are identical; <see cref="FirstDifference"/> says which part differs when they are not.
/// </summary>
public sealed record CalibrationHeader(
    ModelIdentity Model,
    EvaluationSettings Evaluation,
    ChannelDescription Channel,
    SweepSettings Sweep,
    CalibrationGrid Grid)
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Model.Validate();
        Evaluation.Validate();
        Channel.Validate();
        Sweep.Validate();
        Grid.Validate(Channel, Model.NumLayers);
    }

    /// <summary>
    /// Null when the headers are identical; otherwise a sentence naming the first differing section
    /// (model, evaluation, channel, sweep, grid) with both values.
    /// </summary>
    public string? FirstDifference(CalibrationHeader other)
    {
        (string Name, object Mine, object Theirs)[] sections =
        [
            ("model", Model, other.Model),
            ("evaluation", Evaluation, other.Evaluation),
            ("channel", Channel, other.Channel),
            ("sweep", Sweep, other.Sweep),
            ("grid", Grid, other.Grid),
        ];
        foreach (var (name, mine, theirs) in sections)
        {
            string a = Compact(mine), b = Compact(theirs);
            if (a != b)
                return $"{name} differs: {a} versus {b}";
        }
        return null;
    }

    private static string Compact(object section) =>
        JsonSerializer.Serialize(section, section.GetType(), CalibrationJson.SingleLine);
}
