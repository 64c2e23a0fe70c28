using System.Text.Json.Nodes;
using SplitGym.Core;

namespace SplitGym.Agents.Baselines;

/// <summary>Uniformly random actions among the allowed ones: the "no skill" end of the normalised score.</summary>
/// <param name="actionCount">Number of discrete actions.</param>
/// <param name="seed">Seed of the agent's generator.</param>
public sealed class RandomAgent(int actionCount, int seed = 0) : BaselineAgent
{
    private readonly Rng _rng = new(seed);

    /// <inheritdoc />
    public override string Name => "Random";

    /// <inheritdoc />
    protected override JsonObject Parameters => new() { ["action_count"] = actionCount, ["seed"] = seed };

    /// <inheritdoc />
    public override int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default) =>
        ActionSelection.Uniform(actionCount, _rng, actionMask);
}
