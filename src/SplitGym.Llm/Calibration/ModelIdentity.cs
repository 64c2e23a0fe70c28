namespace SplitGym.Llm.Calibration;

/// <summary>
/// Which checkpoint a calibration was measured on. The SHA-256 of the weights lets a consumer
/// refuse a table that does not belong to the model it runs (a retrained model invalidates it).
/// </summary>
/// <param name="Name">Human-readable model name, e.g. the checkpoint folder name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <c>model.safetensors</c>.</param>
/// <param name="NumLayers">Decoder layers <c>L</c>; split points lie in <c>0..L</c>.</param>
public sealed record ModelIdentity(string Name, string Sha256, int NumLayers)
{
    internal void Validate()
    {
        Require.NotBlank(Name, "model.name");
        Require.Sha256Hex(Sha256, "model.sha256");
        Require.Positive(NumLayers, "model.numLayers");
    }
}
