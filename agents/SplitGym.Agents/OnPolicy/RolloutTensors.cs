using static TorchSharp.torch;

namespace SplitGym.Agents.OnPolicy;

/// <summary>A rollout as tensors, [size] or [size, observation length] (from <see cref="RolloutBuffer.ToTensors"/>).</summary>
public sealed record RolloutTensors(Tensor Observations, Tensor Actions, Tensor OldLogProbs, Tensor Advantages, Tensor Returns, Tensor OldValues)
{
    /// <summary>The rows <paramref name="indices"/> of every tensor.</summary>
    public RolloutTensors Select(Tensor indices) => new(
        Observations.index_select(0, indices),
        Actions.index_select(0, indices),
        OldLogProbs.index_select(0, indices),
        Advantages.index_select(0, indices),
        Returns.index_select(0, indices),
        OldValues.index_select(0, indices));
}
