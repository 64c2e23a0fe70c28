namespace SplitGym.Llm.Cost;

/// <summary>
/// The UE's share of the forward-pass compute when the model is split after <c>p</c> decoder
/// layers: <c>C_UE(p) = (FLOPs of embedding + layers [0, p)) / FLOPs of the whole forward pass</c>.
/// Why not simply <c>p/L</c>: the embedding, final norm and LM head are not layers, and for a
/// small-vocabulary model the head is cheap while for a large-vocabulary one it is not.
/// </summary>
public sealed class ComputeLoad
{
    private readonly FlopModel _flops;

    /// <summary>Creates the compute-load function for a decoder shape.</summary>
    /// <exception cref="ArgumentException">The shape is invalid.</exception>
    public ComputeLoad(DecoderDimensions dimensions)
    {
        _flops = new FlopModel(dimensions);
        NumLayers = dimensions.NumLayers;
    }

    /// <summary>Number of decoder layers <c>L</c>; valid split points are <c>0..L</c>.</summary>
    public int NumLayers { get; }

    /// <summary>The per-component FLOP counts behind the shares.</summary>
    public FlopModel Flops => _flops;

    /// <summary>The UE's fraction (dimensionless, in [0, 1]) of the forward-pass FLOPs at split <paramref name="split"/>.</summary>
    /// <param name="split">Decoder layers run on the UE, <c>0..L</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The split is outside <c>0..L</c>.</exception>
    public double UeShare(int split)
    {
        if (split < 0 || split > NumLayers)
            throw new ArgumentOutOfRangeException(nameof(split), split, $"Split point must be in 0..{NumLayers}.");
        return (_flops.Embedding + split * _flops.DecoderLayer) / _flops.Total;
    }
}
