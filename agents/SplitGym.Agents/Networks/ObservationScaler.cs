using SplitGym.Core.Spaces;
using TorchSharp;
using static TorchSharp.torch;

namespace SplitGym.Agents.Networks;

/// <summary>
/// The affine map (x − centre) · scale that brings each bounded observation dimension to [−1, 1]
/// (see <see cref="NetworkOptions.ScaleObservations"/>). Stored as buffers, so it is saved with the weights.
/// </summary>
public sealed class ObservationScaler : nn.Module<Tensor, Tensor>
{
    /// <summary>Widest bounded interval that is still rescaled; wider ones are treated as unbounded.</summary>
    public const double MaxScaledWidth = 1e6;

    private readonly Tensor centre;
    private readonly Tensor scale;

    /// <summary>Builds the map for <paramref name="space"/>; when <paramref name="enabled"/> is false it is the identity.</summary>
    public ObservationScaler(Box<float> space, bool enabled) : base(nameof(ObservationScaler))
    {
        var centres = new float[space.Size];
        var scales = new float[space.Size];
        for (int i = 0; i < space.Size; i++)
        {
            double low = space.LowerBound(i), high = space.UpperBound(i), width = high - low;
            bool rescale = enabled && space.IsBoundedBelow(i) && space.IsBoundedAbove(i) && width > 0 && width < MaxScaledWidth;
            centres[i] = rescale ? (float)((low + high) / 2) : 0f;
            scales[i] = rescale ? (float)(2 / width) : 1f;
        }
        centre = tensor(centres);
        scale = tensor(scales);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor observations) => (observations - centre) * scale;
}
